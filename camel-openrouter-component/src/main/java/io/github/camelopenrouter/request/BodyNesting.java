package io.github.camelopenrouter.request;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterInputException;

/**
 * The collections being mapped, from the body down to the current element. A collection that holds itself (YAML's
 * {@code &a ["hello", *a]} builds one) or one nested thousands deep would otherwise recurse into a
 * StackOverflowError; both are refused as input instead. Identity, not equality: the same list twice side by side is
 * fine, a list inside itself is not.
 */
final class BodyNesting {

    /** Far deeper than any real body (a list of lists of files); far shallower than the stack. */
    static final int MAX_DEPTH = 32;

    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());

    void enter(Object collection) {
        if (!open.add(collection)) {
            throw new OpenRouterInputException("The message body contains itself: a " + collection.getClass().getName()
                                               + " holds itself (a YAML anchor such as &a [\"hello\", *a] builds one)."
                                               + " Send a collection of text, files and URLs that does not refer to itself");
        }
        if (open.size() > MAX_DEPTH) {
            throw new OpenRouterInputException("The message body nests collections more than " + MAX_DEPTH
                                               + " levels deep: send a flat collection of text, files and URLs");
        }
    }

    void leave(Object collection) {
        open.remove(collection);
    }
}
