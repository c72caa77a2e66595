package io.github.commerceconnector.examples.fleet;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.api.exception.SyncLockedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The fleet's one db-scheduler task, {@value #NAME}: one instance per merchant (its id is the merchant's), run by
 * whichever worker picks it, and rescheduled by that worker when it ends:
 * <ul>
 *   <li>after a complete sync, one interval later;</li>
 *   <li>when another worker holds a feed's lease ({@link SyncLockedException}: someone else has it), when that lease
 *       ends, or a second later if it names no end;</li>
 *   <li>after an incomplete sync or a failure (of the sync, or of the database), a fifth of the interval later (at least a second);</li>
 *   <li>never again once the merchant is gone from the directory.</li>
 * </ul>
 * A worker that dies while it runs an instance stops its heartbeats; another worker's scheduler finds the stale
 * heartbeat and runs the instance again (db-scheduler's dead-execution revival), and that run carries the sync on
 * where the state in PostgreSQL says it stopped.
 */
public final class CatalogSyncTask {
    /** The task's name in {@code scheduled_tasks}. */
    public static final String NAME = "catalog-sync";

    private CatalogSyncTask() {
    }

    /**
     * The task, run by a worker.
     *
     * @param sync     what a run does
     * @param events   where the worker reports
     * @param interval the time between two complete syncs of a merchant
     * @return the task, to give to the worker's scheduler
     */
    public static CustomTask<Void> create(MerchantSync sync, FleetEvents events, Duration interval) {
        Objects.requireNonNull(sync, "sync");
        Duration retry = interval.dividedBy(5).compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : interval.dividedBy(5);
        return Tasks.custom(NAME, Void.class)
                .onDeadExecutionRevive()
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retry))
                .execute((instance, context) -> {
                    String merchantId = instance.getId();
                    try {
                        MerchantSync.Result result = sync.run(merchantId);
                        if (result == MerchantSync.Result.GONE) {
                            events.say("GONE", merchantId);
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        return at(Instant.now().plus(result == MerchantSync.Result.COMPLETE ? interval : retry));
                    } catch (SyncLockedException locked) {
                        Instant until = locked.lockedUntil().orElse(Instant.now()).plusSeconds(1);
                        events.say("LOCKED", merchantId, "by=" + locked.owner().orElse("?"), "retry-at=" + until);
                        return at(until);
                    } catch (ConnectorException failed) {
                        events.say("FAILED", merchantId, failed.getClass().getSimpleName() + ":",
                                failed.getMessage());
                        return at(Instant.now().plus(retry));
                    }
                });
    }

    /**
     * The merchant's instance of the task.
     *
     * @param merchantId the merchant
     * @return its task instance
     */
    public static TaskInstance<Void> instance(String merchantId) {
        return new TaskInstance<>(NAME, Objects.requireNonNull(merchantId, "merchantId"));
    }

    /**
     * Schedules the merchant's task now, unless it is scheduled already.
     *
     * @param scheduler  a scheduler or scheduler client on the fleet's database
     * @param merchantId the merchant
     * @return whether it was scheduled now
     */
    public static boolean scheduleIfMissing(SchedulerClient scheduler, String merchantId) {
        return scheduler.scheduleIfNotExists(instance(merchantId), Instant.now());
    }

    private static CompletionHandler<Void> at(Instant next) {
        return (complete, operations) -> operations.reschedule(complete, next);
    }
}
