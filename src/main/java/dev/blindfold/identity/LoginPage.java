package dev.blindfold.identity;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The sign-in form and sign-out. Signing in starts a server-side session ({@link SessionService}) and sets its
 * cookie, then redirects (post/redirect/get); a wrong name or password redirects back to the form; too many
 * failures answer 429 with the form and how long to wait. Both forms carry the CSRF token, and a cross-site POST
 * is refused by the same-origin check (quarkus.http.cors) before it gets here.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut, long retryAfter);
    }

    private final PasswordSignIn signIn;
    private final SessionService sessions;

    LoginPage(PasswordSignIn signIn, SessionService sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("signedout") boolean signedOut) {
        return Templates.login(error, signedOut, 0);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @CookieParam(SessionCookies.NAME) String previous, @Context HttpServerRequest request) {
        PasswordSignIn.Outcome outcome = signIn.attempt(username, password, ClientAddress.of(request));
        if (outcome instanceof PasswordSignIn.Throttled t) {
            return Response.status(429).header("Retry-After", t.seconds())
                    .entity(Templates.login(false, false, t.seconds())).build();
        }
        if (!(outcome instanceof PasswordSignIn.SignedIn in)) {
            return Response.seeOther(URI.create("/login?error=true")).build();
        }
        if (previous != null) {
            sessions.end(previous);
        }
        String secret = sessions.start(in.user().id);
        return Response.seeOther(URI.create("/")).cookie(SessionCookies.issue(secret)).build();
    }

    /** Ends the session on the server (every node refuses its cookie from the next request on) and clears the cookie. */
    @POST
    @Path("logout")
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response logout(@CookieParam(SessionCookies.NAME) String session) {
        if (session != null) {
            sessions.end(session);
        }
        return Response.seeOther(URI.create("/login?signedout=true")).cookie(SessionCookies.cleared()).build();
    }
}
