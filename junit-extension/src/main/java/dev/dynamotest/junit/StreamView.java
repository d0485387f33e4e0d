package dev.dynamotest.junit;

/** The table's stream: none, or what each stream record carries. */
public enum StreamView {
    NONE, KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
}
