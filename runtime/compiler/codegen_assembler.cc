// The assembler: a Unit's blocks -> a CodeUnit.
//
// Steps, in order:
//   1. cell and free variable operands become localsplus indices, and the
//      prologue (COPY_FREE_VARS, MAKE_CELL..., RETURN_GENERATOR, POP_TOP)
//      goes in a block of its own before the entry;
//   2. instructions after an unconditional transfer in a block are dropped;
//      CPython's peephole folds run; an exit without a line (the implicit
//      `return None`) is copied for each jump to it, to take its line;
//   3. a walk of the flow graph gives every instruction the handler that is
//      active there (SETUP_* push one, POP_BLOCK pops one, jumps carry the
//      stack to their targets);
//   4. a second walk gives every block its entry stack depth, following jumps
//      and, from each SETUP_*, the handler with the depth the exception table
//      will restore plus what the unwinder pushes; blocks never reached are
//      dead and dropped, and a block reached with two depths is a bug;
//   5. pseudo-instructions and redundant NOPs go, instructions without a
//      location inherit one as in CPython, and jumps to the next instruction
//      go; the rest is laid out and jumps are resolved to
//      absolute indices (forward or backward by layout);
//   6. runs of instructions with the same handler become exception-table
//      entries; trailing constants no instruction uses are dropped.
#include <algorithm>
#include <unordered_map>

#include "runtime/compiler/codegen_internal.h"

namespace tern::compiler::codegen {

namespace {

bool is_setup(int op) { return op == kSetupFinally || op == kSetupCleanup || op == kSetupWith; }

bool is_deref(int op) {
  if (op >= 256) return false;
  switch (static_cast<Op>(op)) {
    case Op::LOAD_CLOSURE:
    case Op::LOAD_DEREF:
    case Op::STORE_DEREF:
    case Op::DELETE_DEREF:
    case Op::LOAD_CLASSDEREF:
      return true;
    default:
      return false;
  }
}

bool falls_through(int op) {
  if (op == kJump || op == kJumpNoInterrupt) return false;
  if (op >= 256) return true;
  return interp::fallsThrough(static_cast<Op>(op));
}

[[noreturn]] void internal_error(const std::string& what, const Unit& unit) {
  throw CodegenError{"internal compiler error in " + unit.qualname + ": " + what, InstrPosition{}};
}

// --- line numbers (PEP 626) ---------------------------------------------------
// Code the compiler adds without a location of its own (the implicit
// `return None`, the cleanup of `with` and `except`) gets one as CPython 3.11
// gives it, so f_lineno and co_lines() agree with CPython.

// The first block at or after `b` in layout order that has instructions.
BasicBlock* skip_empty(BasicBlock* b) {
  while (b != nullptr && b->instrs.empty()) b = b->next;
  return b;
}

// The last instruction of `b` that is not SETUP_* or POP_BLOCK, or null.
const Instr* last_real(const BasicBlock* b) {
  for (auto it = b->instrs.rbegin(); it != b->instrs.rend(); ++it) {
    if (!is_setup(it->op) && it->op != kPopBlock) return &*it;
  }
  return nullptr;
}

// A block that leaves the code (return, raise) and has no line of its own.
bool is_exit_without_lineno(const BasicBlock* b) {
  if (b == nullptr || b->instrs.empty() || b->instrs[0].pos.lineno >= 0) return false;
  int last = b->instrs.back().op;
  return last == static_cast<int>(Op::RETURN_VALUE) || last == static_cast<int>(Op::RERAISE) ||
         last == static_cast<int>(Op::RAISE_VARARGS);
}

// CPython's duplicate_exits_without_lineno: each jump to such an exit gets a
// copy of its own that starts at the jump's location, and an exit reached by
// falling through takes the location of the instruction before it.  (Copies
// whose original is then unreachable make that original dead.)
void duplicate_exits_without_lineno(Unit& unit, BasicBlock* first) {
  const size_t existing = unit.blocks.size();
  for (size_t i = 0; i < existing; ++i) {
    for (Instr& in : unit.blocks[i]->instrs) {
      if (in.target == nullptr || is_setup(in.op)) continue;
      BasicBlock* target = skip_empty(in.target);
      if (!is_exit_without_lineno(target)) continue;
      unit.blocks.push_back(std::make_unique<BasicBlock>());
      BasicBlock* copy = unit.blocks.back().get();
      copy->instrs = target->instrs;
      copy->instrs[0].pos = in.pos;
      copy->next = target->next;  // an exit does not fall through: any place will do
      target->next = copy;
      in.target = copy;
    }
  }
  for (BasicBlock* b = first; b != nullptr; b = b->next) {
    const Instr* last = last_real(b);
    if (last == nullptr || !falls_through(b->instrs.back().op)) continue;
    BasicBlock* next = skip_empty(b->next);
    if (is_exit_without_lineno(next)) next->instrs[0].pos = last->pos;
  }
}

// CPython's propagate_line_numbers and guarantee_lineno_for_exits over the
// live blocks in layout order, once the pseudo-instructions are gone (but
// jumps still name their targets): an instruction without a location takes
// the one before it in its block; the first instruction of a block entered
// from a single place (falling through or a jump; never an exception
// handler) takes the location it is entered from; a return still without a
// line takes the line of the last block before it that ends with one.
void propagate_line_numbers(const std::vector<BasicBlock*>& order, int firstlineno) {
  std::unordered_map<const BasicBlock*, int> entries;
  for (const BasicBlock* b : order) {
    if (b->instrs.empty()) continue;
    for (const Instr& in : b->instrs) {
      if (in.target != nullptr) ++entries[skip_empty(in.target)];
      if (in.handler != nullptr) entries[skip_empty(in.handler)] += 2;
    }
    if (falls_through(b->instrs.back().op)) ++entries[skip_empty(b->next)];
  }
  auto enter = [&entries](BasicBlock* b, const InstrPosition& from) {
    b = skip_empty(b);
    if (b != nullptr && entries[b] == 1 && b->instrs[0].pos.lineno < 0) b->instrs[0].pos = from;
  };
  for (BasicBlock* b : order) {
    if (b->instrs.empty()) continue;
    InstrPosition prev;
    for (Instr& in : b->instrs) {
      if (in.pos.lineno < 0) {
        in.pos = prev;
      } else {
        prev = in.pos;
      }
      if (in.target != nullptr) enter(in.target, prev);
    }
    if (falls_through(b->instrs.back().op)) enter(b->next, prev);
  }
  int lineno = firstlineno;
  for (BasicBlock* b : order) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (last.pos.lineno >= 0) {
      lineno = last.pos.lineno;
    } else if (last.op == static_cast<int>(Op::RETURN_VALUE)) {
      for (Instr& in : b->instrs) in.pos.lineno = lineno;
    }
  }
}

}  // namespace

std::shared_ptr<CodeUnit> assemble(Unit& unit, std::string_view filename, uint32_t flags) {
  auto code = std::make_shared<CodeUnit>();

  // --- 1. localsplus indices and the prologue --------------------------------
  const uint32_t nlocals = static_cast<uint32_t>(unit.varnames.size());
  const uint32_t ncells = static_cast<uint32_t>(unit.cellvars.size());
  std::vector<int> cell2arg(ncells, -1);
  std::vector<uint32_t> slot(ncells + unit.freevars.size());
  uint32_t plain_cells = 0;
  for (uint32_t i = 0; i < ncells; ++i) {
    int arg = unit.varnames.find(unit.cellvars.names()[i]);
    if (arg >= 0 && static_cast<size_t>(arg) < unit.ste->varnames.size()) {
      cell2arg[i] = arg;
      slot[i] = static_cast<uint32_t>(arg);
    } else {
      slot[i] = nlocals + plain_cells++;
    }
  }
  for (uint32_t j = 0; j < unit.freevars.size(); ++j) slot[ncells + j] = nlocals + plain_cells + j;
  for (auto& block : unit.blocks) {
    for (Instr& in : block->instrs) {
      if (is_deref(in.op)) in.arg = slot[in.arg];
    }
  }

  unit.blocks.push_back(std::make_unique<BasicBlock>());
  BasicBlock* prologue = unit.blocks.back().get();
  prologue->next = unit.entry;
  InstrPosition first{
      .lineno = unit.firstlineno, .end_lineno = unit.firstlineno, .col_offset = -1, .end_col_offset = -1};
  auto add = [&](Op op, uint32_t arg) {
    prologue->instrs.push_back(Instr{.op = static_cast<int>(op), .arg = arg, .target = nullptr, .pos = first});
  };
  if (!unit.freevars.empty()) add(Op::COPY_FREE_VARS, static_cast<uint32_t>(unit.freevars.size()));
  // Cells in localsplus order: parameters first (in co_varnames order), then
  // the others (sorted by name), which is the order of co_cellvars.
  std::vector<uint32_t> cell_order(ncells);
  for (uint32_t i = 0; i < ncells; ++i) cell_order[i] = i;
  std::stable_sort(cell_order.begin(), cell_order.end(), [&slot](uint32_t a, uint32_t b) { return slot[a] < slot[b]; });
  for (uint32_t i : cell_order) add(Op::MAKE_CELL, slot[i]);
  if (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
    add(Op::RETURN_GENERATOR, 0);
    add(Op::POP_TOP, 0);
  }

  // --- 2. dead tails -----------------------------------------------------------
  for (auto& block : unit.blocks) {
    auto& ins = block->instrs;
    for (size_t i = 0; i < ins.size(); ++i) {
      if (!falls_through(ins[i].op)) {
        ins.resize(i + 1);
        break;
      }
    }
  }

  // Jump threading of the short-circuit operators, as CPython's optimizer
  // does it (observable: `(a or b) and c` tests `a` once).  A JUMP_IF_X_OR_POP
  // whose target block starts with a jump on the same line: on to that jump's
  // target when it tests the same way (or pops and jumps on X), and, when it
  // tests the other way, a POP_JUMP_IF_X to the block after it, since that
  // test is known to fall through.
  auto first_instr = [](BasicBlock* b) -> Instr* { return b->instrs.empty() ? nullptr : &b->instrs[0]; };
  for (int round = 0; round < 8; ++round) {
    bool changed = false;
    for (auto& block : unit.blocks) {
      for (Instr& in : block->instrs) {
        bool if_false = in.op == static_cast<int>(Op::JUMP_IF_FALSE_OR_POP);
        if (!if_false && in.op != static_cast<int>(Op::JUMP_IF_TRUE_OR_POP)) continue;
        Instr* t = first_instr(in.target);
        if (t == nullptr) continue;
        int same_or_pop = static_cast<int>(if_false ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP);
        int same_pop = static_cast<int>(if_false ? Op::POP_JUMP_IF_FALSE : Op::POP_JUMP_IF_TRUE);
        int other_or_pop = static_cast<int>(if_false ? Op::JUMP_IF_TRUE_OR_POP : Op::JUMP_IF_FALSE_OR_POP);
        int other_pop = static_cast<int>(if_false ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE);
        bool same_line = in.pos.lineno == t->pos.lineno || t->pos.lineno == -1;
        if ((t->op == same_or_pop || t->op == same_pop) && same_line && t->target != in.target) {
          if (t->op == same_pop) in.op = same_pop;
          in.target = t->target;
          changed = true;
        } else if ((t->op == other_or_pop || t->op == other_pop) && in.pos.lineno == t->pos.lineno &&
                   in.target->instrs.size() == 1 && in.target->next != nullptr) {
          in.op = same_pop;
          in.target = in.target->next;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }

  // CPython's peephole folds: n LOAD_CONSTs + BUILD_TUPLE n is one constant
  // tuple (appended to co_consts when new, which keeps dead code objects
  // before it alive exactly as in CPython); BUILD_TUPLE n + UNPACK_SEQUENCE n
  // (n <= 3) is a SWAP or nothing.
  auto nop = [](Instr& in) {
    in.op = static_cast<int>(Op::NOP);
    in.pos.lineno = -1;
  };
  for (auto& block : unit.blocks) {
    auto& ins = block->instrs;
    for (size_t i = 0; i < ins.size(); ++i) {
      if (ins[i].op != static_cast<int>(Op::BUILD_TUPLE)) continue;
      uint32_t n = ins[i].arg;
      if (i + 1 < ins.size() && ins[i + 1].op == static_cast<int>(Op::UNPACK_SEQUENCE) && ins[i + 1].arg == n &&
          n >= 1 && n <= 3) {
        nop(ins[i]);
        if (n == 1) {
          nop(ins[i + 1]);
        } else {
          ins[i + 1].op = static_cast<int>(Op::SWAP);
        }
        continue;
      }
      if (i < n) continue;
      bool all_const = true;
      for (size_t k = i - n; k < i; ++k) all_const = all_const && ins[k].op == static_cast<int>(Op::LOAD_CONST);
      if (!all_const) continue;
      std::vector<Constant> items;
      for (size_t k = i - n; k < i; ++k) {
        items.push_back(unit.consts[ins[k].arg]);
        nop(ins[k]);
      }
      Constant tuple = Constant::tuple(std::move(items));
      std::string key = constant_key(tuple);
      auto it = unit.const_index.find(key);
      uint32_t index;
      if (it != unit.const_index.end()) {
        index = it->second;
      } else {
        index = static_cast<uint32_t>(unit.consts.size());
        unit.consts.push_back(std::move(tuple));
        unit.const_index.emplace(std::move(key), index);
      }
      ins[i].op = static_cast<int>(Op::LOAD_CONST);
      ins[i].arg = index;
    }
  }

  // `x is None` / `x is not None` tested by a jump: one POP_JUMP_IF_[NOT_]NONE
  // (CPython's peephole optimizer does the same, and co_stacksize shows it).
  for (auto& block : unit.blocks) {
    auto& ins = block->instrs;
    for (size_t i = 0; i + 2 < ins.size(); ++i) {
      if (ins[i].op != static_cast<int>(Op::LOAD_CONST) || unit.consts[ins[i].arg].kind != Constant::Kind::None)
        continue;
      if (ins[i + 1].op != static_cast<int>(Op::IS_OP)) continue;
      int jump = ins[i + 2].op;
      if (jump != static_cast<int>(Op::POP_JUMP_IF_FALSE) && jump != static_cast<int>(Op::POP_JUMP_IF_TRUE)) continue;
      bool jump_if_none = (ins[i + 1].arg == 0) == (jump == static_cast<int>(Op::POP_JUMP_IF_TRUE));
      ins[i + 2].op = static_cast<int>(jump_if_none ? Op::POP_JUMP_IF_NONE : Op::POP_JUMP_IF_NOT_NONE);
      ins[i].op = ins[i + 1].op = static_cast<int>(Op::NOP);
      ins[i].pos.lineno = ins[i + 1].pos.lineno = -1;
    }
  }

  duplicate_exits_without_lineno(unit, prologue);

  // --- 3. handlers ---------------------------------------------------------------
  std::vector<BasicBlock*> work;
  auto visit_except = [&work](BasicBlock* b, const std::vector<BasicBlock*>& stack) {
    if (b->except_visited) return;
    b->except_visited = true;
    b->except_stack = stack;
    work.push_back(b);
  };
  visit_except(prologue, {});
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    std::vector<BasicBlock*> stack = b->except_stack;
    bool falls = true;
    for (Instr& in : b->instrs) {
      if (is_setup(in.op)) {
        visit_except(in.target, stack);
        stack.push_back(in.target);
        continue;
      }
      if (in.op == kPopBlock) {
        if (stack.empty()) internal_error("POP_BLOCK without a handler", unit);
        stack.pop_back();
        continue;
      }
      in.handler = stack.empty() ? nullptr : stack.back();
      if (in.target) visit_except(in.target, stack);
      if (!falls_through(in.op)) falls = false;
    }
    if (falls && b->next) visit_except(b->next, stack);
  }

  // --- 4. stack depths -------------------------------------------------------------
  int max_depth = 0;
  auto reach = [&](BasicBlock* b, int depth) {
    if (b->start_depth < 0) {
      b->start_depth = depth;
      max_depth = std::max(max_depth, depth);
      work.push_back(b);
    } else if (b->start_depth != depth) {
      internal_error(
          "a block is reached with stack depths " + std::to_string(b->start_depth) + " and " + std::to_string(depth),
          unit);
    }
  };
  reach(prologue, 0);
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    int depth = b->start_depth;
    bool falls = true;
    for (Instr& in : b->instrs) {
      if (is_setup(in.op)) {
        if (in.op == kSetupFinally) {
          reach(in.target, depth + 1);
        } else {
          in.target->preserve_lasti = true;
          reach(in.target, in.op == kSetupCleanup ? depth + 2 : depth + 1);
        }
        continue;
      }
      if (in.op == kPopBlock) continue;
      if (in.op == kJump || in.op == kJumpNoInterrupt) {
        reach(in.target, depth);
        falls = false;
        break;
      }
      Op op = static_cast<Op>(in.op);
      int pops = interp::opPops(op, in.arg);
      if (depth < pops) internal_error(std::string("stack underflow at ") + interp::opName(op), unit);
      if (in.target) reach(in.target, depth - pops + interp::opPushes(op, in.arg, true));
      depth += interp::opPushes(op, in.arg, false) - pops;
      max_depth = std::max(max_depth, depth);
      if (!interp::fallsThrough(op)) {
        falls = false;
        break;
      }
    }
    if (falls) {
      if (!b->next) internal_error("code falls off its end", unit);
      reach(b->next, depth);
    }
  }

  // --- 5. clean up, lay out, resolve -------------------------------------------------
  std::vector<BasicBlock*> order;
  for (BasicBlock* b = prologue; b; b = b->next) order.push_back(b);
  for (BasicBlock* b : order) {
    if (b->start_depth < 0) {
      b->instrs.clear();
      continue;
    }
    std::vector<Instr> kept;
    auto& ins = b->instrs;
    for (size_t i = 0; i < ins.size(); ++i) {
      Instr in = ins[i];
      if (in.op == kPopBlock) continue;
      // As CPython, a SETUP_* pseudo-instruction becomes a NOP that keeps its
      // line (the `try:` line), unless redundant like any NOP: `sys.settrace`
      // then gives that line its 'line' event.
      if (is_setup(in.op)) {
        in.op = static_cast<int>(Op::NOP);
        in.arg = 0;
        in.target = nullptr;
      }
      if (in.op == static_cast<int>(Op::NOP)) {
        int line = in.pos.lineno;
        if (line < 0) continue;
        if (!kept.empty() && kept.back().pos.lineno == line) continue;
        bool next_same = false;
        for (size_t j = i + 1; j < ins.size(); ++j) {
          if (is_setup(ins[j].op) || ins[j].op == kPopBlock) continue;
          next_same = ins[j].pos.lineno == line;
          break;
        }
        if (next_same) continue;
      }
      kept.push_back(in);
    }
    ins = std::move(kept);
  }
  propagate_line_numbers(order, unit.firstlineno);
  // Jumps to the next instruction.
  for (size_t i = 0; i < order.size(); ++i) {
    auto& ins = order[i]->instrs;
    if (ins.empty() || ins.back().op != kJump) continue;
    BasicBlock* next = nullptr;
    for (size_t j = i + 1; j < order.size(); ++j) {
      if (order[j] == ins.back().target) {
        next = order[j];
        break;
      }
      if (!order[j]->instrs.empty()) break;
    }
    if (next) ins.pop_back();
  }
  uint32_t offset = 0;
  for (BasicBlock* b : order) {
    b->offset = offset;
    offset += static_cast<uint32_t>(b->instrs.size());
  }
  const uint32_t size = offset;
  code->code.reserve(size);
  code->positions.reserve(size);
  std::vector<BasicBlock*> handlers;
  handlers.reserve(size);
  for (BasicBlock* b : order) {
    for (const Instr& in : b->instrs) {
      uint32_t index = static_cast<uint32_t>(code->code.size());
      int op = in.op;
      uint32_t arg = in.arg;
      if (in.target) {
        arg = in.target->offset;
        if (arg >= size) internal_error("a jump past the end of the code", unit);
        if (op == kJump) op = static_cast<int>(arg > index ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD);
        if (op == kJumpNoInterrupt) {
          op = static_cast<int>(arg > index ? Op::JUMP_FORWARD : Op::JUMP_BACKWARD_NO_INTERRUPT);
        }
      }
      if (op >= 256) internal_error("a pseudo-instruction survived", unit);
      code->code.push_back(interp::encode(static_cast<Op>(op), arg));
      code->positions.push_back(in.pos);
      handlers.push_back(in.handler);
    }
  }

  // --- 6. exception table, constants ----------------------------------------------------
  for (uint32_t i = 0; i < size;) {
    BasicBlock* h = handlers[i];
    uint32_t j = i + 1;
    while (j < size && handlers[j] == h) ++j;
    if (h) {
      if (h->start_depth < 0) internal_error("an unreachable handler", unit);
      uint32_t lasti = h->preserve_lasti ? 1 : 0;
      code->exception_table.push_back(ExceptionTableEntry{.start = i,
                                                          .end = j,
                                                          .target = h->offset,
                                                          .depth = static_cast<uint32_t>(h->start_depth) - 1 - lasti,
                                                          .push_lasti = lasti != 0});
    }
    i = j;
  }

  // Trailing constants no instruction uses go (those of dead code, as
  // CPython 3.11's trim_unused_consts); co_consts[0] always stays.
  size_t used = unit.consts.empty() ? 0 : 1;
  for (uint32_t insn : code->code) {
    Op op = interp::opOf(insn);
    if (op == Op::LOAD_CONST || op == Op::KW_NAMES) used = std::max<size_t>(used, interp::argOf(insn) + 1);
  }
  unit.consts.resize(used);
  code->co_consts = std::move(unit.consts);

  code->co_name = unit.name;
  code->co_qualname = unit.qualname;
  code->co_filename = std::string(filename);
  code->co_firstlineno = unit.firstlineno;
  code->co_argcount = unit.argcount + unit.posonlyargcount;
  code->co_posonlyargcount = unit.posonlyargcount;
  code->co_kwonlyargcount = unit.kwonlyargcount;
  code->co_flags = flags;
  code->co_stacksize = max_depth;
  code->co_names = unit.names.names();
  code->co_varnames = unit.varnames.names();
  for (uint32_t i : cell_order) {
    code->co_cellvars.push_back(unit.cellvars.names()[i]);
    code->cell2arg.push_back(cell2arg[i]);
  }
  code->co_freevars = unit.freevars.names();
  return code;
}

}  // namespace tern::compiler::codegen
