package dev.dynamotest.engine.partiql;

import dev.dynamotest.engine.expr.Condition;
import dev.dynamotest.engine.expr.Path;
import dev.dynamotest.engine.expr.UpdateExpression;
import dev.dynamotest.engine.model.Item;
import java.util.List;

/**
 * A parsed PartiQL statement. Values (literals and {@code ?} parameters) are already bound: conditions and
 * update actions hold {@code Operand.Literal}s, so they run on the same evaluator as the JSON API's expressions.
 */
public sealed interface Statement {

    String table();

    /** {@code RETURNING ALL|MODIFIED OLD|NEW *}. */
    enum Returning {
        ALL_OLD("ALL OLD"), MODIFIED_OLD("MODIFIED OLD"), ALL_NEW("ALL NEW"), MODIFIED_NEW("MODIFIED NEW");

        public final String text;

        Returning(String text) {
            this.text = text;
        }
    }

    /** One {@code ORDER BY} term. */
    record OrderBy(String attribute, boolean descending) {
    }

    /**
     * {@code SELECT * | paths FROM "Table"["Index"] [WHERE ...] [ORDER BY ...]}; {@code projection} null for
     * {@code *}, {@code where} null without WHERE, {@code orderBy} empty without ORDER BY.
     */
    record Select(List<Path> projection, String table, String index, Condition where, List<OrderBy> orderBy)
        implements Statement {
        public Select {
            projection = projection == null ? null : List.copyOf(projection);
            orderBy = List.copyOf(orderBy);
        }
    }

    /** {@code INSERT INTO "Table" VALUE {...}}. */
    record Insert(String table, Item item) implements Statement {
    }

    /** {@code UPDATE "Table" SET ... REMOVE ... [WHERE ...] [RETURNING ...]}; {@code returning} may be null. */
    record Update(String table, UpdateExpression update, Condition where, Returning returning) implements Statement {
    }

    /** {@code DELETE FROM "Table" [WHERE ...] [RETURNING ALL OLD *]}; {@code returning} may be null. */
    record Delete(String table, Condition where, Returning returning) implements Statement {
    }

    /**
     * {@code [NOT] EXISTS(SELECT ...)}: a condition check on one item, allowed only among an ExecuteTransaction's
     * writes (and only without NOT).
     */
    record Exists(Select select, boolean negated) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }
}
