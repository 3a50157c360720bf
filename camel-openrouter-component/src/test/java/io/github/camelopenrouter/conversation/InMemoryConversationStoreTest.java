package io.github.camelopenrouter.conversation;

import java.time.Duration;
import java.util.List;

import io.github.camelopenrouter.wire.ContentPart;
import io.github.camelopenrouter.wire.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** conversationTtl on the in-memory store: an idle conversation is forgotten, and its bytes freed. */
class InMemoryConversationStoreTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryConversationStore store = new InMemoryConversationStore(100, 1_000_000, 50,
            Duration.ofMinutes(30), clock);

    private static ConversationTurn turn(String question) {
        return ConversationTurn.retained(Message.user(List.of(new ContentPart.Text(question))),
                Message.assistant("answer", null));
    }

    @Test
    void aConversationExpiresTtlAfterItsLastTurnAndThenStartsAfresh() {
        store.append("c", turn("first"));
        clock.advance(Duration.ofMinutes(29));
        store.append("c", turn("second"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.load("c")).as("the second turn renewed it").hasSize(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(store.load("c")).isEmpty();
        assertThat(store.size()).isZero();
        assertThat(store.sizeInBytes()).isZero();

        store.append("c", turn("third"));
        assertThat(store.load("c")).hasSize(1);
    }

    @Test
    void expiredConversationsNobodyAsksForAreSweptByLaterAppends() {
        for (int i = 0; i < 10; i++) {
            store.append("idle-" + i, turn("q"));
        }
        long idleBytes = store.sizeInBytes();
        clock.advance(Duration.ofMinutes(31));

        store.append("busy", turn("q"));

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.sizeInBytes()).isEqualTo(idleBytes / 10);
    }

    @Test
    void aTurnIdTheConversationHoldsIsNotAppendedAgain() {
        store.append("c", turn("q1").withTurnId("m-1"));
        store.append("c", turn("q2").withTurnId("m-2"));
        long bytes = store.sizeInBytes();

        assertThat(store.loadBefore("c", "m-2")).hasSize(1);
        store.append("c", turn("q2 again").withTurnId("m-2"));

        assertThat(store.load("c")).extracting(ConversationTurn::turnId).containsExactly("m-1", "m-2");
        assertThat(store.sizeInBytes()).isEqualTo(bytes);
    }

    @Test
    void withoutTtlNothingExpires() {
        InMemoryConversationStore forever = new InMemoryConversationStore(100, 1_000_000, 50, Duration.ZERO, clock);
        forever.append("c", turn("q"));
        clock.advance(Duration.ofDays(3650));
        assertThat(forever.load("c")).hasSize(1);
    }
}
