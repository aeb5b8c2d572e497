# gc.callbacks are called for the collections the allocator starts too, not
# only for gc.collect(): "start" then "stop" with generation, collected and
# uncollectable, at a safe point where Python code may run (a callback may
# allocate and even call gc.collect()).
import gc

events = []


def callback(phase, info):
    events.append((phase, sorted(info), info["generation"] in (0, 1, 2),
                   all(type(v) is int and v >= 0 for v in info.values())))
    [object() for _ in range(10)]  # callbacks may allocate


def allocate(limit):
    keep = []
    for i in range(limit):
        keep.append([i])
        if len(keep) > 20000:
            keep = []
        if len(events) >= 4:
            return True
    return False


gc.callbacks.append(callback)
print("automatic collections reported:", allocate(3_000_000))
gc.callbacks.remove(callback)
print("first:", events[:2])
print("paired:", all(events[i][0] == "start" and events[i + 1][0] == "stop" for i in range(0, len(events) - 1, 2)))
events.clear()


# A callback calling gc.collect() is not called again from inside it.
depth = []


def reentrant(phase, info):
    depth.append(phase)
    if phase == "start" and len(depth) == 1:
        gc.collect()


gc.callbacks.append(reentrant)
gc.collect()
gc.callbacks.remove(reentrant)
print("reentrant:", depth[:2], depth[-1])

# Replacing the module attribute does not replace the list the collector uses.
saved = gc.callbacks
gc.callbacks = []
saved.append(callback)
gc.collect()
saved.remove(callback)
gc.callbacks = saved
print("the original list is used:", len(events) >= 2 and events[-1][0] == "stop")
