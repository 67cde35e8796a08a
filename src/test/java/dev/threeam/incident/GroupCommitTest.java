package dev.threeam.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void concurrent_callers_share_transactions_and_each_gets_its_own_answer() throws Exception {
        List<Integer> transactionSizes = new CopyOnWriteArrayList<>();
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("test", requests -> {
            transactionSizes.add(requests.size());
            sleep(5);
            return requests.stream().map(items -> Set.of(String.join("+", items))).toList();
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Set<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String item = "a" + i;
                answers.add(pool.submit(() -> commits.submit(List.of(item))));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(answers.get(i).get()).containsExactly("a" + i);
            }
            pool.shutdown();
        }
        assertThat(transactionSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
        assertThat(transactionSizes.size()).isLessThan(200);
    }

    @Test
    void a_bad_request_fails_alone_and_its_neighbours_are_committed() throws Exception {
        List<String> committed = new CopyOnWriteArrayList<>();
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("test", requests -> {
            sleep(20);
            if (requests.stream().anyMatch(items -> items.contains("bad"))) {
                throw new IllegalStateException("constraint violated by bad");
            }
            requests.forEach(committed::addAll);
            return requests.stream().map(items -> Set.of(items.get(0))).toList();
        })) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            Future<Set<String>> first = pool.submit(() -> commits.submit(List.of("first")));
            Future<Set<String>> bad = pool.submit(() -> commits.submit(List.of("bad")));
            Future<Set<String>> last = pool.submit(() -> commits.submit(List.of("last")));

            assertThat(first.get()).containsExactly("first");
            assertThat(last.get()).containsExactly("last");
            assertThatThrownBy(bad::get).hasMessageContaining("constraint violated by bad");
            assertThat(committed).containsExactlyInAnyOrder("first", "last");
            pool.shutdown();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void when_the_queue_is_full_a_request_is_refused_at_once_with_retry_after_and_nothing_of_it_is_written() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        List<String> committed = new CopyOnWriteArrayList<>();
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("test", requests -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            requests.forEach(committed::addAll);
            return requests.stream().map(items -> Set.copyOf(items)).toList();
        }, 3)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<Set<String>> waiting = pool.submit(() -> commits.submit(List.of("a", "b", "c")));
            writing.await();
            assertThatThrownBy(() -> commits.submit(List.of("x"))).isInstanceOfSatisfying(dev.threeam.common.Overloaded.class,
                    refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
            release.countDown();
            assertThat(waiting.get()).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(committed).containsExactlyInAnyOrder("a", "b", "c");
            pool.shutdown();
        }
    }

    @Test
    void an_asynchronous_caller_is_answered_after_its_commit_on_an_answer_thread_never_the_writer() throws Exception {
        List<String> writerThreads = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch chained = new java.util.concurrent.CountDownLatch(1);
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("async", requests -> {
            writerThreads.add(Thread.currentThread().getName());
            try {
                chained.await(); // commit only once the caller has chained its answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return requests.stream().map(items -> Set.copyOf(items)).toList();
        })) {
            var answer = commits.submitAsync(List.of("a")).thenApply(committed -> {
                assertThat(committed).containsExactly("a");
                return Thread.currentThread().getName();
            });
            chained.countDown();
            String answeredOn = answer.get();
            assertThat(writerThreads).containsExactly("group-commit-async");
            assertThat(answeredOn).startsWith("group-commit-async-answers-");
        }
    }

    @Test
    void an_asynchronous_caller_gets_the_error_that_stopped_its_commit() {
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("async", requests -> {
            throw new IllegalStateException("database is locked");
        })) {
            assertThatThrownBy(() -> commits.submitAsync(List.of("a")).get())
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("database is locked");
        }
    }

    @Test
    void an_asynchronous_caller_is_refused_at_once_when_the_queue_is_full() throws Exception {
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (GroupCommit<String, Set<String>> commits = new GroupCommit<>("async", requests -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return requests.stream().map(items -> Set.copyOf(items)).toList();
        }, 2)) {
            var first = commits.submitAsync(List.of("a", "b"));
            writing.await();
            assertThatThrownBy(() -> commits.submitAsync(List.of("x"))).isInstanceOf(dev.threeam.common.Overloaded.class);
            release.countDown();
            assertThat(first.get()).containsExactlyInAnyOrder("a", "b");
        }
    }
}
