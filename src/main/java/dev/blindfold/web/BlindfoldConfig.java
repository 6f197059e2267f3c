package dev.blindfold.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every Blindfold setting, under the {@code blindfold.} prefix. */
@ConfigMapping(prefix = "blindfold")
public interface BlindfoldConfig {

    Demo demo();

    /** Password for the first admin; when absent a random one is generated and printed once. */
    Optional<String> adminPassword();

    Events events();

    Answers answers();

    Passwords passwords();

    Sessions sessions();

    SignIn signIn();

    Export export();

    Imports imports();

    Audit audit();

    Http http();

    Reservations reservations();

    IdentityLeaks identityLeaks();

    /**
     * Largest request body of every route but item imports, which alone stream their body; the others
     * read theirs into memory. Enforced by {@link BodyLimits}.
     */
    @WithDefault("20M")
    MemorySize maxBodySize();

    interface Http {
        /**
         * Whether cookies carry {@code Secure}: {@code auto} when the request came over TLS, directly or as a trusted
         * proxy forwarded it ({@code quarkus.http.proxy.*}); {@code always}; {@code never}. See {@link CookieSecurity}.
         */
        @WithDefault("auto")
        CookieSecurity.Mode secureCookies();

        /** {@code Strict-Transport-Security} max-age on responses to TLS requests; zero sends none. */
        @WithDefault("P365D")
        Duration hstsMaxAge();

        /** Adds {@code includeSubDomains} to {@code Strict-Transport-Security}. */
        @WithDefault("false")
        boolean hstsIncludeSubdomains();
    }

    interface Audit {
        /**
         * The floor of the attention check: a blind step (shown → commit) shorter than this, or than its item's reading
         * time plus its project's minimum ({@code project.BlindTime}), flags the label {@code fast_blind}.
         */
        @WithDefault("3000")
        long minBlindMs();

        /** Focus losses during the blind step at or above which the label is flagged {@code focus_losses}. */
        @WithDefault("3")
        int maxBlindFocusLosses();

        /** Bootstrap resamples behind the mirror gap's confidence interval. */
        @WithDefault("1000")
        int bootstrapResamples();

        /**
         * Most scored items of a model family whose mirror-gap interval is bootstrapped (from the kept per-item scores);
         * a larger family gets the normal interval from its kept sums, so the report's cost does not grow with it.
         */
        @WithDefault("20000")
        int bootstrapItems();

        /**
         * Events a page when the database verification reads a chain ({@code /audit/verify}); each page is one index
         * range, so the size trades round trips against the memory of one page.
         */
        @WithDefault("1000")
        int verifyPageSize();

        /**
         * Largest log, in events as its chain heads count them, that the anchoring report verifies in full on every
         * request; above it the report shows the latest kept verification and the events appended since, unless asked
         * with {@code verify=now}.
         */
        @WithDefault("250000")
        long reportVerifyEvents();

        /**
         * Ed25519 private key (base64 PKCS#8) that signs audit bundle manifests; without it bundles are
         * unsigned (their SHA-256 sums still bind every file to the manifest).
         */
        Optional<String> signingKey();
    }

    interface Imports {
        /** Largest item import; also the server-wide ceiling {@code quarkus.http.limits.max-body-size}. */
        @WithDefault("1G")
        MemorySize maxSize();

        /** Timeout of the one transaction an import runs in, which spans the whole upload. */
        @WithDefault("PT1H")
        Duration timeout();
    }

    interface Export {
        /** Edit similarity to a shown draft at or above which a final answer counts as accepting it. */
        @WithDefault("0.9")
        double nearIdentical();

        /** Share of the blind answer's characters pasted above which it is flagged paste_dominant. */
        @WithDefault("0.5")
        double pasteDominantShare();

        /** Share of the blind step spent with focus away above which it is flagged offscreen_composition. */
        @WithDefault("0.5")
        double offscreenShare();

        /**
         * Key of the HMAC that turns annotator ids into pseudonyms in exports (BLINDFOLD_EXPORT_PSEUDONYM_KEY). When
         * unset, the deployment's own random key is used: generated on the first start and kept in the database
         * (export.PseudonymKey), so every node of one deployment agrees and no two deployments share one.
         */
        Optional<String> pseudonymKey();
    }

    interface Demo {
        /** Load the demo project and demo users on start (only into an empty database). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Reservations {
        /**
         * How often each node gives back the places of expired reservations (the scheduled sweep reads it by name;
         * declared here so the setting is known and checked).
         */
        @WithDefault("30s")
        String sweepEvery();
    }

    /**
     * Drafts that name their model (issue 15): a draft is flagged at import when it names one of these terms or a
     * model, family or distinctive version of the project's own drafts (project.DraftNames). The default lists the
     * vendors and products a model most often names itself by; "Phi" alone is left out (the Greek letter and the
     * golden ratio are common in answers), its versioned names are in.
     */
    interface IdentityLeaks {
        @WithDefault("OpenAI,ChatGPT,GPT-3.5,GPT-4,GPT-4o,Anthropic,Claude,Google,Gemini,Bard,DeepMind,Meta,Llama,"
                + "Mistral,Mixtral,DeepSeek,Qwen,Alibaba,Cohere,Command R,xAI,Grok,Microsoft,Copilot,Phi-2,Phi-3,Phi-4")
        List<String> terms();
    }

    interface Events {
        /** Most client events accepted in one batch. */
        @WithDefault("200")
        int maxBatch();
    }

    interface Passwords {
        /** bcrypt cost factor for new password hashes (2^cost rounds). */
        @WithDefault("10")
        int bcryptCost();
    }

    /** Browser sessions (the {@code blindfold_session} cookie; see identity.SessionService). */
    interface Sessions {
        /** A session unused this long ends. */
        @WithDefault("PT8H")
        Duration idleTimeout();

        /** A session ends this long after sign-in, however busy. */
        @WithDefault("PT24H")
        Duration maxAge();
    }

    /**
     * Backoff after failed sign-ins (form and HTTP Basic), per account and per client address: after
     * {@code *-free-failures} failures in a row, each further one blocks sign-in for {@code *-first-delay}, doubling
     * up to {@code *-max-delay}; a blocked attempt is answered 429 without checking the password. Failures older than
     * {@code *-forget-after} are forgotten. The account's cap is low so nobody can lock a real user out for long.
     */
    interface SignIn {
        @WithDefault("5")
        int accountFreeFailures();

        @WithDefault("PT1S")
        Duration accountFirstDelay();

        @WithDefault("PT60S")
        Duration accountMaxDelay();

        @WithDefault("PT15M")
        Duration accountForgetAfter();

        @WithDefault("30")
        int clientFreeFailures();

        @WithDefault("PT1S")
        Duration clientFirstDelay();

        @WithDefault("PT10M")
        Duration clientMaxDelay();

        @WithDefault("PT1H")
        Duration clientForgetAfter();
    }

    interface Answers {
        /** Longest answer accepted, in characters. */
        @WithDefault("100000")
        int maxLength();
    }
}
