# richards: Martin Richards' simulation of a small operating-system kernel.
# Six tasks (an idle task, a worker, two handlers, two devices) trade packets
# through a priority scheduler; attribute access, small methods and linked
# lists.  Each run must end with the packet and hold counts the original
# benchmark specifies; the result line prints them.
#
#   richards.py [RUNS]
# quick: 1

import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
DEVICE_PACKET, WORK_PACKET = 0, 1
DATA_SIZE = 4
IDLE_ITERATIONS = 10000


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest  # a task id; once queued, the sender's id
        self.kind = kind
        self.count = 0
        self.data = [0] * DATA_SIZE


def append_packet(packet, queue):
    # Returns the queue with packet at its end.
    packet.link = None
    if queue is None:
        return packet
    last = queue
    while last.link is not None:
        last = last.link
    last.link = packet
    return queue


class Task:
    # A task is runnable unless it is held, or waiting with no packet queued.
    def __init__(self, kernel, ident, priority, queue, waiting):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.has_packet = queue is not None
        self.waiting = waiting
        self.held = False
        self.next = kernel.tasks
        kernel.tasks = self
        kernel.by_id[ident] = self

    def blocked(self):
        return self.held or (self.waiting and not self.has_packet)

    def run(self):
        packet = None
        if self.waiting and self.has_packet and not self.held:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.has_packet = self.queue is not None
        return self.step(packet)

    def receive(self, packet, sender):
        # Queues packet; returns the task the scheduler should run next.
        if self.queue is None:
            self.queue = packet
            self.has_packet = True
            if self.priority > sender.priority:
                return self
        else:
            append_packet(packet, self.queue)
        return sender


class IdleTask(Task):
    def __init__(self, kernel, iterations):
        Task.__init__(self, kernel, IDLE, 0, None, False)
        self.seed = 1
        self.left = iterations

    def step(self, packet):
        self.left -= 1
        if self.left == 0:
            return self.kernel.hold_current()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.kernel.release(DEVICE_B)
        self.seed >>= 1
        return self.kernel.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, kernel, queue):
        Task.__init__(self, kernel, WORKER, 1000, queue, True)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.kernel.wait_current()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        packet.dest = self.target
        packet.count = 0
        for i in range(DATA_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return self.kernel.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, queue):
        Task.__init__(self, kernel, ident, priority, queue, True)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == WORK_PACKET:
                self.work = append_packet(packet, self.work)
            else:
                self.devices = append_packet(packet, self.devices)
        work = self.work
        if work is not None:
            if work.count < DATA_SIZE:
                device = self.devices
                if device is not None:
                    self.devices = device.link
                    device.count = work.data[work.count]
                    work.count += 1
                    return self.kernel.send(device)
            else:
                self.work = work.link
                return self.kernel.send(work)
        return self.kernel.wait_current()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        Task.__init__(self, kernel, ident, priority, None, True)
        self.pending = None

    def step(self, packet):
        if packet is None:
            pending = self.pending
            if pending is None:
                return self.kernel.wait_current()
            self.pending = None
            return self.kernel.send(pending)
        self.pending = packet
        return self.kernel.hold_current()


class Kernel:
    def __init__(self):
        self.tasks = None  # every task, highest priority first
        self.by_id = [None] * 7
        self.current = None
        self.sent = 0
        self.holds = 0

    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.next

    def wait_current(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        task = self.by_id[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        target = self.by_id[packet.dest]
        self.sent += 1
        packet.link = None
        packet.dest = self.current.ident
        return target.receive(packet, self.current)

    def schedule(self):
        task = self.tasks
        while task is not None:
            if task.blocked():
                task = task.next
            else:
                self.current = task
                task = task.run()


def run_once():
    kernel = Kernel()
    IdleTask(kernel, IDLE_ITERATIONS)
    queue = Packet(None, 0, WORK_PACKET)
    queue = Packet(queue, 0, WORK_PACKET)
    WorkerTask(kernel, queue)
    for ident, priority, device in ((HANDLER_A, 2000, DEVICE_A),
                                    (HANDLER_B, 3000, DEVICE_B)):
        queue = None
        for _ in range(3):
            queue = Packet(queue, device, DEVICE_PACKET)
        HandlerTask(kernel, ident, priority, queue)
    DeviceTask(kernel, DEVICE_A, 4000)
    DeviceTask(kernel, DEVICE_B, 5000)
    kernel.schedule()
    return kernel.sent, kernel.holds


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for _ in range(runs):
        sent, holds = run_once()
        if (sent, holds) != (23246, 9297):
            print("richards: wrong result: %d packets sent, %d holds" %
                  (sent, holds))
            sys.exit(1)
    print("richards %d runs: %d packets sent, %d holds per run" %
          (runs, sent, holds))


main()
