package dev.hotline.acd.internal;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * An ordered set with O(log n) rank and select: a treap whose nodes know the size of their subtree, and optionally
 * the minimum of a long attribute of their subtree (the oldest arrival of a queue). Elements must be distinct under
 * the comparator, and their ordering key must not change while they are in the tree (take them out, change, put
 * back). The treap's balancing weights come from a fixed xorshift sequence: shape only, never visible in results.
 */
final class OrderStatisticTree<T> {

    private static final class Node<T> {
        T value;
        int weight;
        long aux;
        Node<T> left;
        Node<T> right;
        int size = 1;
        long min;

        Node(T value, int weight, long aux) {
            this.value = value;
            this.weight = weight;
            this.aux = aux;
            this.min = aux;
        }

        /** A spare node put back into use for {@code v}: detached, with a fresh weight. */
        void reuse(T v, int w, long a) {
            value = v;
            weight = w;
            aux = a;
            min = a;
            left = null;
            right = null;
            size = 1;
        }
    }

    private final Comparator<? super T> order;
    private final ToLongFunction<? super T> aux;
    private Node<T> root;
    /**
     * Nodes of removed elements, chained through {@code right}, reused by the next inserts: ready indexes and waiting
     * lists churn on every offer, and recycling keeps that churn from allocating. Never more than the tree once held.
     */
    private Node<T> spare;
    /**
     * The first element, kept at hand: a free agent reads the head of each of its groups' waiting calls on every offer,
     * far more often than the head changes, and the walk down the left spine was a chain of cold nodes.
     */
    private T first;
    /**
     * Whether the current insertion or deletion left the left spine: an element that goes left at every node is
     * smaller than all, and only a deletion along the spine can take the first away, so keeping {@link #first}
     * costs no comparisons of its own.
     */
    private boolean wentRight;
    /**
     * The last element, kept as {@link #first} is and for a like reason: a call joining a waiting list mostly goes
     * last (the newest of the lowest priority), which one comparison with the last shows, instead of one with every
     * cold element down the right spine; its position is then the size.
     */
    private T last;
    /** As {@link #wentRight}, for {@link #last}. */
    private boolean wentLeft;
    private int weightState = 0x2545F491;

    /** An ordered set without the minimum attribute. */
    OrderStatisticTree(Comparator<? super T> order) {
        this(order, null);
    }

    /** An ordered set that also keeps the minimum of {@code aux} over its elements ({@link #minAux()}). */
    OrderStatisticTree(Comparator<? super T> order, ToLongFunction<? super T> aux) {
        this.order = order;
        this.aux = aux;
    }

    int size() {
        return size(root);
    }

    boolean isEmpty() {
        return root == null;
    }

    void add(T value) {
        long a = aux == null ? 0 : aux.applyAsLong(value);
        Node<T> node = spare;
        if (node == null) {
            node = new Node<>(value, nextWeight(), a);
        } else {
            spare = node.right;
            node.reuse(value, nextWeight(), a);
        }
        if (last != null && order.compare(value, last) > 0) {
            root = insertLast(root, node);
            last = value;
            return;
        }
        wentRight = false;
        wentLeft = false;
        root = insert(root, node);
        if (!wentRight) {
            first = value;
        }
        if (!wentLeft) {
            last = value;
        }
    }

    /** Removes {@code value}; returns whether it was there. */
    boolean remove(T value) {
        if (value == first && value != null) {
            // the head (the call an agent takes, mostly): down the left spine without comparing, since every
            // comparison would load a cold element
            root = deleteFirst(root);
            first = leftmost();
            if (value == last) {
                last = rightmost();
            }
            return true;
        }
        int before = size(root);
        wentRight = false;
        wentLeft = false;
        root = delete(root, value);
        if (!wentRight) {
            // the spine was just walked by the deletion, so finding the head again costs no cold loads
            first = leftmost();
        }
        if (!wentLeft) {
            last = rightmost();
        }
        return size(root) < before;
    }

    boolean contains(T value) {
        Node<T> n = root;
        while (n != null) {
            int c = order.compare(value, n.value);
            if (c == 0) {
                return true;
            }
            n = c < 0 ? n.left : n.right;
        }
        return false;
    }

    /** How many elements come before {@code value} (which need not be in the tree). */
    int rankOf(T value) {
        if (last != null) {
            if (value == last) {
                return size(root) - 1;
            }
            if (order.compare(value, last) > 0) {
                return size(root);
            }
        }
        return rankOfKey(other -> order.compare(value, other));
    }

    /**
     * How many elements come before a key that need not be an element: {@code keyComparedTo.applyAsInt(e)} is the
     * key compared with element {@code e} (negative: the key comes first). O(log n).
     */
    int rankOfKey(java.util.function.ToIntFunction<? super T> keyComparedTo) {
        int rank = 0;
        Node<T> n = root;
        while (n != null) {
            int c = keyComparedTo.applyAsInt(n.value);
            if (c <= 0) {
                if (c == 0) {
                    return rank + size(n.left);
                }
                n = n.left;
            } else {
                rank += size(n.left) + 1;
                n = n.right;
            }
        }
        return rank;
    }

    /** The first element, or null when empty: O(1). */
    T first() {
        return first;
    }

    private T rightmost() {
        Node<T> n = root;
        if (n == null) {
            return null;
        }
        while (n.right != null) {
            n = n.right;
        }
        return n.value;
    }

    private T leftmost() {
        Node<T> n = root;
        if (n == null) {
            return null;
        }
        while (n.left != null) {
            n = n.left;
        }
        return n.value;
    }

    /** The element at {@code index} (0 = first). */
    T get(int index) {
        if (index < 0 || index >= size(root)) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size(root));
        }
        Node<T> n = root;
        int i = index;
        while (true) {
            int left = size(n.left);
            if (i < left) {
                n = n.left;
            } else if (i == left) {
                return n.value;
            } else {
                i -= left + 1;
                n = n.right;
            }
        }
    }

    /** The minimum of the aux attribute over all elements; {@link Long#MAX_VALUE} when empty. */
    long minAux() {
        return root == null ? Long.MAX_VALUE : root.min;
    }

    /** Every element in order. */
    void forEach(Consumer<? super T> action) {
        walk(root, action);
    }

    /** Throws {@link IllegalStateException} if sizes, order, heap weights or minimums are inconsistent. */
    void checkStructure(String name) {
        check(root, null, null, name);
        if (first != leftmost()) {
            throw new IllegalStateException(name + " keeps " + first + " as its first element, but "
                    + leftmost() + " is");
        }
        if (last != rightmost()) {
            throw new IllegalStateException(name + " keeps " + last + " as its last element, but "
                    + rightmost() + " is");
        }
    }

    private void check(Node<T> n, T low, T high, String name) {
        if (n == null) {
            return;
        }
        if (low != null && order.compare(low, n.value) >= 0 || high != null && order.compare(n.value, high) >= 0) {
            throw new IllegalStateException(name + " is out of order at " + n.value);
        }
        if (n.left != null && n.left.weight > n.weight || n.right != null && n.right.weight > n.weight) {
            throw new IllegalStateException(name + " breaks the treap heap order at " + n.value);
        }
        check(n.left, low, n.value, name);
        check(n.right, n.value, high, name);
        if (n.size != 1 + size(n.left) + size(n.right)) {
            throw new IllegalStateException(name + " has a wrong subtree size at " + n.value);
        }
        if (n.min != Math.min(n.aux, Math.min(min(n.left), min(n.right)))) {
            throw new IllegalStateException(name + " has a wrong subtree minimum at " + n.value);
        }
    }

    private static <T> void walk(Node<T> n, Consumer<? super T> action) {
        if (n != null) {
            walk(n.left, action);
            action.accept(n.value);
            walk(n.right, action);
        }
    }

    private Node<T> insert(Node<T> n, Node<T> x) {
        if (n == null) {
            return x;
        }
        if (order.compare(x.value, n.value) < 0) {
            wentLeft = true;
            n.left = insert(n.left, x);
            if (n.left.weight > n.weight) {
                return rotateRight(n);
            }
        } else {
            wentRight = true;
            n.right = insert(n.right, x);
            if (n.right.weight > n.weight) {
                return rotateLeft(n);
            }
        }
        update(n);
        return n;
    }

    private Node<T> delete(Node<T> n, T value) {
        if (n == null) {
            return null;
        }
        int c = order.compare(value, n.value);
        if (c == 0) {
            Node<T> rest = merge(n.left, n.right);
            n.value = null;
            n.left = null;
            n.right = spare;
            spare = n;
            return rest;
        }
        if (c < 0) {
            wentLeft = true;
            n.left = delete(n.left, value);
        } else {
            wentRight = true;
            n.right = delete(n.right, value);
        }
        update(n);
        return n;
    }

    /** Inserts {@code x}, which comes after every element, down the right spine without comparing. */
    private Node<T> insertLast(Node<T> n, Node<T> x) {
        if (n == null) {
            return x;
        }
        n.right = insertLast(n.right, x);
        if (n.right.weight > n.weight) {
            return rotateLeft(n);
        }
        update(n);
        return n;
    }

    private Node<T> deleteFirst(Node<T> n) {
        if (n.left == null) {
            Node<T> rest = n.right;
            n.value = null;
            n.right = spare;
            spare = n;
            return rest;
        }
        n.left = deleteFirst(n.left);
        update(n);
        return n;
    }

    private Node<T> merge(Node<T> a, Node<T> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.weight > b.weight) {
            a.right = merge(a.right, b);
            update(a);
            return a;
        }
        b.left = merge(a, b.left);
        update(b);
        return b;
    }

    private Node<T> rotateRight(Node<T> n) {
        Node<T> l = n.left;
        n.left = l.right;
        update(n);
        l.right = n;
        update(l);
        return l;
    }

    private Node<T> rotateLeft(Node<T> n) {
        Node<T> r = n.right;
        n.right = r.left;
        update(n);
        r.left = n;
        update(r);
        return r;
    }

    private static <T> void update(Node<T> n) {
        n.size = 1 + size(n.left) + size(n.right);
        n.min = Math.min(n.aux, Math.min(min(n.left), min(n.right)));
    }

    private static int size(Node<?> n) {
        return n == null ? 0 : n.size;
    }

    private static long min(Node<?> n) {
        return n == null ? Long.MAX_VALUE : n.min;
    }

    private int nextWeight() {
        int x = weightState;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        weightState = x;
        return x;
    }
}
