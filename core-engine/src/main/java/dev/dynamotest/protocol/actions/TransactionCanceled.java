package dev.dynamotest.protocol.actions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dynamotest.engine.error.DynamoException;
import dev.dynamotest.engine.error.ErrorTypes;
import dev.dynamotest.engine.error.Messages;
import dev.dynamotest.engine.error.Throttled;
import dev.dynamotest.engine.model.Item;
import dev.dynamotest.protocol.AttributeValueJson;
import dev.dynamotest.protocol.RequestHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * TransactionCanceledException with one CancellationReason per action, in action order, and the service's
 * message listing their codes.
 */
public final class TransactionCanceled extends DynamoException implements RequestHandler.ErrorDetails {

    /** One action's outcome: Code ("None", "ConditionalCheckFailed", "ValidationError", ...), message, item. */
    public record Reason(String code, String message, Item item) {
        public static final Reason NONE = new Reason("None", null, null);
    }

    private final transient List<Reason> reasons;

    public TransactionCanceled(List<Reason> reasons) {
        super(ErrorTypes.TRANSACTION_CANCELED, message(reasons), 400);
        this.reasons = List.copyOf(reasons);
    }

    /**
     * A transaction of {@code actions} actions cancelled because action {@code index} found no capacity: that action's
     * reason is the throttle's code (ProvisionedThroughputExceeded or ThrottlingError) and message, the others None.
     */
    public static TransactionCanceled throttled(int actions, int index, Throttled t) {
        List<Reason> reasons = new ArrayList<>(actions);
        for (int i = 0; i < actions; i++) {
            reasons.add(i == index ? new Reason(t.cancellationCode(), t.getMessage(), null) : Reason.NONE);
        }
        return new TransactionCanceled(reasons);
    }

    /** The key errors a transaction reports as a ValidationError cancellation reason rather than a ValidationException. */
    private static final List<String> KEY_ERRORS = List.of(Messages.KEY_SCHEMA_MISMATCH, Messages.MISSING_KEY_IN_ITEM,
        Messages.KEY_TYPE_MISMATCH, Messages.EMPTY_STRING_KEY, Messages.EMPTY_BINARY_KEY, Messages.HASH_KEY_TOO_LARGE,
        Messages.RANGE_KEY_TOO_LARGE);

    /** Whether {@code e} says a key does not match its table's schema (missing, mistyped, empty or oversized attribute). */
    static boolean isKeyError(DynamoException e) {
        if (!ErrorTypes.VALIDATION.equals(e.type()) || e.getMessage() == null) {
            return false;
        }
        for (String text : KEY_ERRORS) {
            int arg = text.indexOf('%');
            if (arg < 0 ? e.getMessage().equals(text) : e.getMessage().startsWith(text.substring(0, arg))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key outcome of each action of a transaction, in action order: a key that does not match its table's schema
     * ({@link #isKeyError}) becomes a ValidationError reason, and once every action has been read the transaction is
     * cancelled with all of them ({@link #throwIfAny}), as the service does; any other error is thrown at once.
     */
    static final class KeyErrors {
        private final List<Reason> reasons = new ArrayList<>();
        private boolean any;

        /** The next action's {@code step} result, or null when it failed with a key error (recorded as its reason). */
        <T> T check(Supplier<T> step) {
            T result;
            try {
                result = step.get();
            } catch (DynamoException e) {
                if (!isKeyError(e)) {
                    throw e;
                }
                reasons.add(new Reason("ValidationError", e.getMessage(), null));
                any = true;
                return null;
            }
            reasons.add(Reason.NONE);
            return result;
        }

        void throwIfAny() {
            if (any) {
                throw new TransactionCanceled(reasons);
            }
        }
    }

    public List<Reason> reasons() {
        return reasons;
    }

    static String message(List<Reason> reasons) {
        List<String> codes = new ArrayList<>();
        for (Reason r : reasons) {
            codes.add(r.code());
        }
        return "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes;
    }

    @Override
    public void writeDetails(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("CancellationReasons");
        for (Reason r : reasons) {
            g.writeStartObject();
            if (r.item() != null) {
                AttributeValueJson.writeItemField(g, "Item", r.item());
            }
            g.writeStringField("Code", r.code());
            if (r.message() != null) {
                g.writeStringField("Message", r.message());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
