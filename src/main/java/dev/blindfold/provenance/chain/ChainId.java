package dev.blindfold.provenance.chain;

/** A hash chain: one per project and actor. */
public record ChainId(long projectId, long actorId) implements Comparable<ChainId> {

    @Override
    public int compareTo(ChainId o) {
        int byProject = Long.compare(projectId, o.projectId);
        return byProject != 0 ? byProject : Long.compare(actorId, o.actorId);
    }

    @Override
    public String toString() {
        return "project " + projectId + ", actor " + actorId;
    }
}
