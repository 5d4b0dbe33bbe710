package io.uptake.chat.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;

/** For the Slack ack benchmark only: CPU nanoseconds used so far, by the whole service and by thread group. */
@Controller("/bench")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(env = "bench-slack")
public final class BenchCpu {

    @Get("/cpu")
    Map<String, Long> cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byGroup = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                byGroup.merge(group(info.getThreadName()), nanos, Long::sum);
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long javaThreads = byGroup.values().stream().mapToLong(Long::longValue).sum();
        byGroup.put("GC JIT VM threads", process - javaThreads);
        // Milliseconds, scaled to nanoseconds so that every figure has one unit.
        byGroup.put("of which JIT (wall)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime()
                * 1_000_000);
        byGroup.put("of which GC pauses (wall)", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> gc.getCollectionTime()).sum() * 1_000_000);
        byGroup.put("allocated bytes (not CPU)", allocated(threads) * 1000);
        byGroup.put("whole service", process);
        return byGroup;
    }

    private static long allocated(ThreadMXBean threads) {
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) threads;
        long[] ids = threads.getAllThreadIds();
        return java.util.Arrays.stream(hotspot.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
    }

    private static String group(String name) {
        return name.replaceAll(":[0-9a-f]+-", ":").replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-");
    }
}
