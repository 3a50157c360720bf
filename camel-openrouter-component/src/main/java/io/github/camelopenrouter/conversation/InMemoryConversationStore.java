package io.github.camelopenrouter.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A conversation store in this JVM's heap, bounded by a number of conversations and a number of bytes; the least
 * recently used conversations are evicted first. An evicted conversation simply starts afresh (its PDFs are parsed
 * again). With a time to live, a conversation not appended to for that long is expired: it is not returned again, and
 * is dropped when next touched or by a sweep over the store that an append runs at most once per second.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryConversationStore.class);

    private final int maxConversations;
    private final long maxBytes;
    private final int maxTurns;
    private final long ttlMillis;
    private final Clock clock;
    private long nextSweep;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    public InMemoryConversationStore(int maxConversations, long maxBytes) {
        this(maxConversations, maxBytes, Integer.MAX_VALUE);
    }

    /** @param maxTurns the most turns kept per conversation: the oldest go first */
    public InMemoryConversationStore(int maxConversations, long maxBytes, int maxTurns) {
        this(maxConversations, maxBytes, maxTurns, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param ttl   how long a conversation lives after its last turn; zero keeps it until it is evicted
     * @param clock what expiry is measured with
     */
    public InMemoryConversationStore(int maxConversations, long maxBytes, int maxTurns, Duration ttl, Clock clock) {
        if (maxConversations < 1 || maxBytes < 1 || maxTurns < 1) {
            throw new IllegalArgumentException("a conversation store needs room for at least one conversation and one byte");
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("conversationTtl must be zero (never expire) or positive, got " + ttl);
        }
        this.maxConversations = maxConversations;
        this.maxBytes = maxBytes;
        this.maxTurns = maxTurns;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    @Override
    public synchronized List<ConversationTurn> load(String conversationId) {
        Conversation conversation = live(conversationId, clock.millis());
        return conversation == null ? List.of() : List.copyOf(conversation.turns);
    }

    /** The conversation unless it is unknown or expired (then it is dropped). */
    private Conversation live(String conversationId, long now) {
        Conversation conversation = conversations.get(conversationId);
        if (conversation != null && expired(conversation, now)) {
            remove(conversationId);
            return null;
        }
        return conversation;
    }

    private boolean expired(Conversation conversation, long now) {
        return ttlMillis > 0 && now - conversation.lastAppendMillis >= ttlMillis;
    }

    /** Drops every expired conversation, at most once a second: cheap next to the bounded map it walks. */
    private void sweep(long now) {
        if (ttlMillis <= 0 || now < nextSweep) {
            return;
        }
        nextSweep = now + 1000;
        Iterator<Conversation> all = conversations.values().iterator();
        while (all.hasNext()) {
            Conversation conversation = all.next();
            if (expired(conversation, now)) {
                bytes -= conversation.bytes;
                all.remove();
            }
        }
    }

    @Override
    public synchronized void append(String conversationId, ConversationTurn turn) {
        if (turn.sizeInBytes() > maxBytes) {
            LOG.warn("Conversation {} is not remembered: its turn of {} bytes exceeds the store's {} bytes", conversationId,
                    turn.sizeInBytes(), maxBytes);
            remove(conversationId);
            return;
        }
        long now = clock.millis();
        sweep(now);
        Conversation conversation = live(conversationId, now);
        if (conversation == null) {
            conversation = new Conversation();
            conversations.put(conversationId, conversation);
        }
        if (turn.turnId() != null && conversation.turns.stream().anyMatch(kept -> turn.turnId().equals(kept.turnId()))) {
            LOG.debug("Conversation {} already holds turn {}: not recorded again", conversationId, turn.turnId());
            return;
        }
        conversation.lastAppendMillis = now;
        conversation.turns.add(turn);
        conversation.bytes += turn.sizeInBytes();
        bytes += turn.sizeInBytes();
        while (conversation.turns.size() > maxTurns) {
            ConversationTurn oldest = conversation.turns.remove(0);
            conversation.bytes -= oldest.sizeInBytes();
            bytes -= oldest.sizeInBytes();
            LOG.debug("Conversation {} dropped its oldest turn: it has more than {} turns", conversationId, maxTurns);
        }
        evict(conversationId);
    }

    @Override
    public synchronized void remove(String conversationId) {
        Conversation removed = conversations.remove(conversationId);
        if (removed != null) {
            bytes -= removed.bytes;
        }
    }

    public synchronized int size() {
        return conversations.size();
    }

    public synchronized long sizeInBytes() {
        return bytes;
    }

    private void evict(String keep) {
        Iterator<Map.Entry<String, Conversation>> eldest = conversations.entrySet().iterator();
        while ((conversations.size() > maxConversations || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, Conversation> entry = eldest.next();
            if (entry.getKey().equals(keep) && conversations.size() > 1) {
                continue;
            }
            bytes -= entry.getValue().bytes;
            eldest.remove();
            LOG.debug("Evicted conversation {} from the in-memory store", entry.getKey());
        }
    }

    private static final class Conversation {
        private final List<ConversationTurn> turns = new ArrayList<>();
        private long bytes;
        private long lastAppendMillis;
    }
}
