package dev.dynamotest.engine.model;

/** The ten DynamoDB attribute types, named as on the wire. */
public enum AttrType {
    S, N, B, BOOL, NULL, M, L, SS, NS, BS;

    public boolean isSet() {
        return this == SS || this == NS || this == BS;
    }

    public boolean isScalarKeyType() {
        return this == S || this == N || this == B;
    }

    /** The element type of a set type. */
    public AttrType elementType() {
        switch (this) {
            case SS: return S;
            case NS: return N;
            case BS: return B;
            default: throw new IllegalStateException(this + " is not a set type");
        }
    }
}
