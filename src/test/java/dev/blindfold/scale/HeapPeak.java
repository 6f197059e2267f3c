package dev.blindfold.scale;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap the JVM (the app, and the benchmark in it) needed since {@link #reset}, beside its limit ({@code -Xmx}):
 * the most in use right after a garbage collection, that is what the collector could not free (live data, and
 * garbage an old generation had not yet been collected of). The heap in use before a collection says nothing: the
 * JVM fills its heap before it collects.
 */
final class HeapPeak implements NotificationListener, AutoCloseable {

    private final Set<String> heapPools = heapPools().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong afterGc = new AtomicLong();

    HeapPeak() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(this, null, null);
        }
        reset();
    }

    void reset() {
        afterGc.set(0);
    }

    long afterGcMb() {
        return afterGc.get() >> 20;
    }

    static long maxMb() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long used = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo()
                    .getMemoryUsageAfterGc().entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
                    .mapToLong(e -> e.getValue().getUsed()).sum();
            afterGc.accumulateAndGet(used, Math::max);
        }
    }

    @Override
    public void close() throws ListenerNotFoundException {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).removeNotificationListener(this);
        }
    }

    private static Stream<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP);
    }
}
