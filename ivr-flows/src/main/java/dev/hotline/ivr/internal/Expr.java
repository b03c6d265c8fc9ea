package dev.hotline.ivr.internal;

import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;

/** One compiled, type-checked expression of a flow. Immutable and safe to share between sessions. */
public final class Expr {
    private final String text;
    private final CelType type;
    private final Program program;

    Expr(String text, CelType type, Program program) {
        this.text = text;
        this.type = type;
        this.program = program;
    }

    public String text() {
        return text;
    }

    public CelType type() {
        return type;
    }

    /**
     * Evaluates against a session's variables. Failures that type-checking cannot rule out (a missing key in a
     * looked-up record, a division by zero) come back as {@link ExpressionFailedException}.
     */
    public Object evaluate(CelVariableResolver variables) {
        try {
            return program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ExpressionFailedException(text, e.getMessage());
        }
    }

    public boolean test(CelVariableResolver variables) {
        return (Boolean) evaluate(variables);
    }

    /** An expression that type-checked but could not be evaluated for this session's values. */
    public static final class ExpressionFailedException extends RuntimeException {
        ExpressionFailedException(String expression, String reason) {
            super("'" + expression + "': " + reason, null, false, false);
        }
    }
}
