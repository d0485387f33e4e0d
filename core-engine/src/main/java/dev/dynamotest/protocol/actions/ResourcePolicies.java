package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.table.Table;
import dev.dynamotest.engine.table.TableMetadata;
import dev.dynamotest.protocol.Action;
import dev.dynamotest.protocol.RequestContext;
import dev.dynamotest.protocol.Requests;
import dev.dynamotest.protocol.ValidationErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy: resource-based policies of tables and their
 * streams, kept in the table's metadata by resource ARN (so they vanish with DeleteTable). Policies are stored, not
 * evaluated: no request is ever denied by one, and ConfirmRemoveSelfResourceAccess is accepted and ignored. The
 * engine is instant, so Get sees a Put at once (the service is eventually consistent here).
 *
 * <p>Where the service's texts are undocumented they are chosen here: the not-found text is the one below; a
 * mismatching ExpectedRevisionId (the documented PolicyNotFoundException) names both revision ids; a policy that
 * does not parse as a JSON object, or exceeds the documented 20 KB, is a ValidationException.
 */
public final class ResourcePolicies {
    private ResourcePolicies() {
    }

    static final String POLICY_NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: %s";
    static final String REVISION_MISMATCH = "Resource-based policy not found for the provided ResourceArn: Requested update "
        + "for policy with revision id %s, but the policy associated to target resource %s has revision id %s";
    static final String NO_POLICY_FOR_REVISION = "Resource-based policy not found for the provided ResourceArn: Requested "
        + "update for policy with revision id %s, but there is no policy associated to target resource %s";
    static final String INVALID_ARN = "Invalid ResourceArn provided as input %s";
    static final String INVALID_POLICY = "Invalid policy document: the policy must be a JSON object";
    static final String POLICY_TOO_LARGE = "Resource-based policy document exceeds the maximum size of 20 KB";
    static final String STREAM_NOT_FOUND = "Requested resource not found: Stream: %s not found";
    /** ExpectedRevisionId meaning "only if there is no policy yet" (PutResourcePolicy). */
    static final String NO_POLICY = "NO_POLICY";
    static final int MAX_POLICY_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Revision ids are epoch-millisecond digits of the engine clock, made strictly increasing (a manual clock
     * that stands still still gives every change its own id).
     */
    private static final AtomicLong LAST_REVISION = new AtomicLong();

    static String nextRevision(RequestContext ctx) {
        long now = ctx.engine().clock().millis();
        return Long.toString(LAST_REVISION.updateAndGet(last -> Math.max(now, last + 1)));
    }

    /** A policy's resource: its table and the key (the ARN as the table or its stream has it). */
    record Resource(Table table, String arn) {
    }

    static Resource resource(RequestContext ctx, String arn) {
        int t = arn.indexOf(":table/");
        if (!arn.startsWith("arn:aws:dynamodb:") || t < 0) {
            throw DynamoException.validation(String.format(INVALID_ARN, arn));
        }
        String rest = arn.substring(t + ":table/".length());
        int s = rest.indexOf("/stream/");
        if (s < 0) {
            if (rest.contains("/")) { // an index ARN: index permissions live in the table's policy
                throw DynamoException.validation(String.format(INVALID_ARN, arn));
            }
            Table table = Tables.find(ctx.namespace(), arn);
            if (table == null) {
                throw DynamoException.resourceNotFound(String.format(Messages.TABLE_NOT_FOUND, rest));
            }
            return new Resource(table, table.metadata().arn());
        }
        String tableArn = arn.substring(0, t + ":table/".length() + s);
        Table table = Tables.find(ctx.namespace(), tableArn);
        if (table == null || ctx.engine().streams().stream(ctx.namespaceId(), arn) == null) {
            throw DynamoException.resourceNotFound(String.format(STREAM_NOT_FOUND, arn));
        }
        return new Resource(table, arn);
    }

    /** A policy document must parse as a JSON object of at most 20 KB (PutResourcePolicy, CreateTable). */
    static void checkDocument(String policy) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw DynamoException.validation(POLICY_TOO_LARGE);
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(policy);
        } catch (IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            throw DynamoException.validation(INVALID_POLICY);
        }
    }

    /** Checks ExpectedRevisionId against the current policy (null when none). */
    static void checkExpected(String expected, TableMetadata.ResourcePolicy current, String arn, boolean noPolicyAllowed) {
        if (expected == null) {
            return;
        }
        if (noPolicyAllowed && NO_POLICY.equals(expected)) {
            if (current != null) {
                throw policyNotFound(String.format(REVISION_MISMATCH, expected, arn, current.revisionId()));
            }
            return;
        }
        if (current == null) {
            throw policyNotFound(String.format(NO_POLICY_FOR_REVISION, expected, arn));
        }
        if (!current.revisionId().equals(expected)) {
            throw policyNotFound(String.format(REVISION_MISMATCH, expected, arn, current.revisionId()));
        }
    }

    static DynamoException policyNotFound(String message) {
        return new DynamoException(ErrorTypes.POLICY_NOT_FOUND, message, 400);
    }

    static void validateArn(ValidationErrors v, String arn) {
        v.notNull("resourceArn", arn);
        v.minLength("resourceArn", arn, 1);
        v.maxLength("resourceArn", arn, 1283);
    }

    static void validateRevision(ValidationErrors v, String expected) {
        v.minLength("expectedRevisionId", expected, 1);
        v.maxLength("expectedRevisionId", expected, 255);
    }

    /**
     * Putting the document that is already attached changes nothing and answers the same revision id, as the
     * operation's documentation says; any other document gets a new revision id.
     */
    public static final class Put implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            String policy = Requests.string(req, "Policy");
            String expected = Requests.string(req, "ExpectedRevisionId");
            Requests.bool(req, "ConfirmRemoveSelfResourceAccess");
            ValidationErrors v = new ValidationErrors();
            validateArn(v, arn);
            v.notNull("policy", policy);
            validateRevision(v, expected);
            v.throwIfAny();
            checkDocument(policy);
            Resource r = resource(ctx, arn);
            String[] revision = new String[1];
            r.table().updateMetadata(m -> {
                TableMetadata.ResourcePolicy current = m.resourcePolicies().get(r.arn());
                checkExpected(expected, current, arn, true);
                if (current != null && current.policy().equals(policy)) {
                    revision[0] = current.revisionId();
                    return m;
                }
                revision[0] = nextRevision(ctx);
                Map<String, TableMetadata.ResourcePolicy> all = new LinkedHashMap<>(m.resourcePolicies());
                all.put(r.arn(), new TableMetadata.ResourcePolicy(policy, revision[0]));
                var b = m.toBuilder();
                b.resourcePolicies = all;
                return b.build();
            });
            out.writeStartObject();
            out.writeStringField("RevisionId", revision[0]);
            out.writeEndObject();
        }
    }

    public static final class Get implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            ValidationErrors v = new ValidationErrors();
            validateArn(v, arn);
            v.throwIfAny();
            Resource r = resource(ctx, arn);
            TableMetadata.ResourcePolicy p = r.table().metadata().resourcePolicies().get(r.arn());
            if (p == null) {
                throw policyNotFound(String.format(POLICY_NOT_FOUND, arn));
            }
            out.writeStartObject();
            out.writeStringField("Policy", p.policy());
            out.writeStringField("RevisionId", p.revisionId());
            out.writeEndObject();
        }
    }

    /**
     * Idempotent: deleting where there is no policy succeeds without a RevisionId, unless an ExpectedRevisionId was
     * given. Otherwise it answers the revision id of the policy it removed.
     */
    public static final class Delete implements Action {
        @Override
        public void execute(RequestContext ctx, JsonNode req, JsonGenerator out) throws IOException {
            String arn = Requests.string(req, "ResourceArn");
            String expected = Requests.string(req, "ExpectedRevisionId");
            ValidationErrors v = new ValidationErrors();
            validateArn(v, arn);
            validateRevision(v, expected);
            v.throwIfAny();
            Resource r = resource(ctx, arn);
            String[] removed = new String[1];
            r.table().updateMetadata(m -> {
                TableMetadata.ResourcePolicy current = m.resourcePolicies().get(r.arn());
                checkExpected(expected, current, arn, false);
                if (current == null) {
                    return m;
                }
                removed[0] = current.revisionId();
                Map<String, TableMetadata.ResourcePolicy> all = new LinkedHashMap<>(m.resourcePolicies());
                all.remove(r.arn());
                var b = m.toBuilder();
                b.resourcePolicies = all;
                return b.build();
            });
            out.writeStartObject();
            if (removed[0] != null) {
                out.writeStringField("RevisionId", removed[0]);
            }
            out.writeEndObject();
        }
    }
}
