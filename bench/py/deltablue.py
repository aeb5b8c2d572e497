# deltablue: the DeltaBlue incremental constraint solver (Freeman-Benson,
# Maloney and Borning).  Constraints of different strengths hold between
# variables; adding or removing one re-plans only what it affects, and a plan
# is a list of constraints executed in order.  Two workloads, as in the
# original benchmark: a long chain of equalities edited at one end, and a
# set of scale-and-offset projections edited from both sides.  Classes,
# virtual methods, lists used as queues.
#
#   deltablue.py [N]   (variables in the chain and projections)
# quick: 200

import sys


# Strengths, strongest first: a constraint overrides only weaker ones.
REQUIRED = 0
STRONG_PREFERRED = 1
PREFERRED = 2
STRONG_DEFAULT = 3
NORMAL = 4
WEAK_DEFAULT = 5
WEAKEST = 6


def stronger(a, b):
    return a < b


def weakest_of(a, b):
    return a if a > b else b


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True  # not computed from anything that can change
        self.mark = 0

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints.remove(c)
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, solver, strength):
        self.solver = solver
        self.strength = strength

    def enable(self):
        self.add_to_graph()
        self.solver.incremental_add(self)

    def disable(self):
        if self.is_satisfied():
            self.solver.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        # Picks a method if one is strong enough; returns the constraint that
        # stopped determining this one's output (to be re-satisfied), if any.
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError("a required constraint cannot be satisfied")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.solver.add_propagate(self, mark):
            raise RuntimeError("cycle in the constraint graph")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, solver, var, strength):
        Constraint.__init__(self, solver, strength)
        self.var = var
        self.satisfied = False
        self.enable()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = (self.var.mark != mark and
                          stronger(self.strength, self.var.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_unsatisfied(self):
        self.satisfied = False

    def mark_inputs(self, mark):
        pass

    def inputs_known(self, mark):
        return True

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """The variable keeps its value."""


class EditConstraint(UnaryConstraint):
    """The variable's value is set from outside, between plan runs."""

    def is_input(self):
        return True


NONE, FORWARD, BACKWARD = 0, 1, 2


class BinaryConstraint(Constraint):
    def __init__(self, solver, v1, v2, strength):
        Constraint.__init__(self, solver, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        # Writes the variable already fixed in this pass never; otherwise the
        # weaker-walked one, if this constraint beats its walk strength.
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            ok = v2.mark != mark and stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif stronger(v2.walk_strength, v1.walk_strength):
            ok = stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        else:
            ok = stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_unsatisfied(self):
        self.direction = NONE

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def recalculate(self):
        i = self.input()
        out = self.output()
        out.walk_strength = weakest_of(self.strength, i.walk_strength)
        out.stay = i.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def __init__(self, solver, v1, v2, strength):
        BinaryConstraint.__init__(self, solver, v1, v2, strength)
        self.enable()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset, kept in either direction."""

    def __init__(self, solver, src, scale, offset, dest, strength):
        BinaryConstraint.__init__(self, solver, src, dest, strength)
        self.scale = scale
        self.offset = offset
        self.enable()

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        i = self.input()
        out = self.output()
        out.walk_strength = weakest_of(self.strength, i.walk_strength)
        out.stay = i.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Solver:
    def __init__(self):
        self.mark = 0

    def new_mark(self):
        self.mark += 1
        return self.mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        # Re-satisfy what the removal freed, strongest first.
        for strength in range(REQUIRED, WEAKEST):
            for u in unsatisfied:
                if u.strength == strength:
                    self.incremental_add(u)

    def add_propagate(self, c, mark):
        # Recomputes walk strengths downstream of c; False on a cycle.
        todo = [c]
        while todo:
            d = todo.pop(0)
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop(0)
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, v, into):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                into.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = []
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_for_inputs(self, constraints):
        return self.make_plan(
            [c for c in constraints if c.is_input() and c.is_satisfied()])


def run_plan(plan):
    for c in plan:
        c.execute()


def chain_test(n):
    solver = Solver()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(solver, a, b, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(solver, last, STRONG_DEFAULT)
    edit = EditConstraint(solver, first, PREFERRED)
    plan = solver.plan_for_inputs([edit])
    total = 0
    for i in range(100):
        first.value = i
        run_plan(plan)
        if last.value != i:
            raise RuntimeError("chain test: %d != %d" % (last.value, i))
        total += last.value
    edit.disable()
    return total + len(plan)


def change(solver, var, value):
    edit = EditConstraint(solver, var, PREFERRED)
    plan = solver.plan_for_inputs([edit])
    for _ in range(10):
        var.value = value
        run_plan(plan)
    edit.disable()


def projection_test(n):
    solver = Solver()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(solver, src, NORMAL)
        ScaleConstraint(solver, src, scale, offset, dst, REQUIRED)
    change(solver, src, 17)
    if dst.value != 1170:
        raise RuntimeError("projection test 1: %d" % dst.value)
    change(solver, dst, 1050)
    if src.value != 5:
        raise RuntimeError("projection test 2: %d" % src.value)
    change(solver, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise RuntimeError("projection test 3")
    change(solver, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise RuntimeError("projection test 4")
    return sum(d.value for d in dests)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    chain = projection = 0
    for _ in range(4):
        chain += chain_test(n)
        projection += projection_test(n)
    print("deltablue %d: chain %d, projection %d" % (n, chain, projection))


main()
