package dev.blindfold.provenance;

import dev.blindfold.provenance.chain.EventChain;
import dev.blindfold.provenance.chain.EventType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of the provenance log. Built only by {@link EventLog#append}; no setters, never updated.
 * {@code payload} is canonical JSON; {@code hash} = SHA-256(prevHash || canonical form).
 */
@Entity
@Table(name = "events")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    @SequenceGenerator(name = "event_seq", sequenceName = "events_SEQ", allocationSize = 50)
    private Long id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private long actorId;

    @Column(name = "assignment_id", updatable = false)
    private Long assignmentId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventType type;

    @Column(name = "server_time", nullable = false, updatable = false)
    private Instant serverTime;

    @Column(name = "client_time", updatable = false)
    private Instant clientTime;

    @Column(name = "client_claimed", nullable = false, updatable = false)
    private boolean clientClaimed;

    @Column(nullable = false, updatable = false)
    private String payload;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected Event() {
    }

    Event(EventChain.Entry entry, String prevHash, String hash) {
        this.projectId = entry.projectId();
        this.actorId = entry.actorId();
        this.assignmentId = entry.assignmentId();
        this.seq = entry.seq();
        this.type = entry.type();
        this.serverTime = entry.serverTime();
        this.clientTime = entry.clientTime();
        this.clientClaimed = entry.clientClaimed();
        this.payload = entry.payload();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** The hashed content of this event, for recomputing its canonical form and hash. */
    public EventChain.Entry entry() {
        return new EventChain.Entry(projectId, actorId, assignmentId, seq, type, serverTime, clientTime, clientClaimed,
                payload);
    }

    public Long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public long actorId() {
        return actorId;
    }

    public Long assignmentId() {
        return assignmentId;
    }

    public long seq() {
        return seq;
    }

    public EventType type() {
        return type;
    }

    public Instant serverTime() {
        return serverTime;
    }

    public Instant clientTime() {
        return clientTime;
    }

    public boolean clientClaimed() {
        return clientClaimed;
    }

    public String payload() {
        return payload;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
