package net.vpdn.aaa.acct;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounting queue across a RADIUS outage, in virtual time")
class AccountingQueueTest {
    /** Timers fired in due order by advance(); tasks run inline (one thread). */
    static final class VirtualTime implements AccountingQueue.Scheduler {
        record Due(long at, long seq, Runnable task) { }

        final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        long now;
        long seq;

        @Override
        public void schedule(Duration delay, Runnable task) {
            due.add(new Due(now + delay.toNanos(), seq++, task));
        }

        void advance(Duration d) {
            long end = now + d.toNanos();
            while (!due.isEmpty() && due.peek().at <= end) {
                Due next = due.poll();
                now = next.at;
                next.task.run();
            }
            now = end;
        }
    }

    /** A server that answers (true) or not (false), completing at once. */
    static final class FakeServer implements AccountingQueue.Sender {
        boolean up = true;
        final List<String> received = new ArrayList<>();

        @Override
        public CompletableFuture<Boolean> send(AccountingRecord r) {
            if (up) {
                received.add(r.acctSessionId());
            }
            return CompletableFuture.completedFuture(up);
        }
    }

    static AccountingRecord rec(String id) {
        return new AccountingRecord(AccountingRecord.Status.START, id, Optional.empty(), Optional.empty(),
                AccountingRecord.Counters.ZERO, Duration.ZERO, OptionalInt.empty(), Optional.empty(), 0);
    }

    @Test
    @DisplayName("records sent during an outage are retried after the delay and all arrive once it is over")
    void outage() {
        VirtualTime time = new VirtualTime();
        FakeServer server = new FakeServer();
        AccountingQueue q = new AccountingQueue(10, 4, Duration.ofSeconds(5), server, Runnable::run, time);
        server.up = false;
        q.account(rec("a"));
        q.account(rec("b"));
        assertThat(server.received).isEmpty();
        assertThat(q.retried.sum()).isEqualTo(1);
        time.advance(Duration.ofSeconds(4));
        assertThat(q.sent.sum()).isZero();
        server.up = true;
        time.advance(Duration.ofSeconds(1));
        assertThat(server.received).containsExactlyInAnyOrder("a", "b");
        assertThat(q.dropped.sum()).isZero();
        assertThat(q.backlog()).isZero();
    }

    @Test
    @DisplayName("only a full queue drops, and every drop is counted")
    void full() {
        VirtualTime time = new VirtualTime();
        FakeServer server = new FakeServer();
        server.up = false;
        AccountingQueue q = new AccountingQueue(3, 1, Duration.ofSeconds(5), server, Runnable::run, time);
        for (int i = 0; i < 6; i++) {
            q.account(rec("r" + i));
        }
        // r0 went out and failed (now in retry), r1..r3 fill the queue, r4 and r5 are dropped
        assertThat(q.dropped.sum()).isEqualTo(2);
        server.up = true;
        time.advance(Duration.ofSeconds(5));
        assertThat(server.received).containsExactly("r0", "r1", "r2", "r3");
    }
}
