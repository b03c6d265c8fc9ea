package dev.hotline.ivr;

/** The type of a flow variable, as declared under {@code variables:} (checked by the expression compiler). */
public enum VarType {
    /** Text, such as digits the caller typed. Default "". */
    STRING,
    /** A whole number. Default 0. */
    INT,
    /** A decimal number. Default 0.0. */
    DOUBLE,
    /** true / false. Default false. */
    BOOL,
    /** A looked-up record: field name to text value. Default: no fields. */
    RECORD
}
