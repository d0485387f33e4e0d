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

    /** {@code SELECT * | paths FROM "Table"["Index"] [WHERE ...]}; {@code projection} null for {@code *}. */
    record Select(List<Path> projection, String table, String index, Condition where) implements Statement {
    }

    /** {@code INSERT INTO "Table" VALUE {...}}. */
    record Insert(String table, Item item) implements Statement {
    }

    /** {@code UPDATE "Table" SET ... REMOVE ... WHERE ... [RETURNING ...]}. */
    record Update(String table, UpdateExpression update, Condition where, String returning) implements Statement {
    }

    /** {@code DELETE FROM "Table" WHERE ... [RETURNING ALL OLD *]}. */
    record Delete(String table, Condition where, String returning) implements Statement {
    }
}
