// The major collection: mark the old space from the roots, then sweep it.
//
// It runs right after a minor collection that promoted every survivor, so the
// only young objects left are pinned ones: they are live (a stack points at
// them) and are traced as roots.  Marking is driven by an explicit mark stack,
// never by recursion, so it can be cut into increments later (the snapshot
// barrier would go into HeapValue::set, barrier.h).  Old slots that refer to a
// pinned young object get their card dirtied as they are traced: the card table
// is rebuilt from scratch, as is the list of old weak slots referring to young
// objects.
//
// After marking: unreachable finalizable objects are resurrected (marked, with
// everything they reference) and queued, and so are, for gc.DEBUG_SAVEALL, the
// unreachable objects setSaveUnreachable() asks for; weak slots whose referents are unmarked
// are cleared; external links of unmarked objects are released and their
// allocation traces dropped; then the sweep frees every unmarked object.
#include "runtime/gc/heap_internal.h"

namespace tern::gc {

namespace {

// What the two markers share: the mark stack, and tracing each object taken
// from it — its strong slots and its linked C memory — through the
// marker's own visitSlot.
template <class Derived>
class MarkStack : public RootVisitor {
 public:
  void visitRoot(Value* slot) override { self().visitSlot(slot); }

  void drain() {
    while (!stack_.empty()) {
      Object* object = stack_.back();
      stack_.pop_back();
      forEachStrongSlot(object, [this](Value* slot) { self().visitSlot(slot); });
      if (object->hasFlag(header::kHasExternal)) traceExternalContents(object, contents_);
    }
  }

 protected:
  std::vector<Object*> stack_;

 private:
  Derived& self() { return static_cast<Derived&>(*this); }

  // Slots in a linked object's C memory (traceExternalContents).
  struct ContentsVisitor final : SlotVisitor {
    MarkStack& marker;
    explicit ContentsVisitor(MarkStack& m) : marker(m) {}
    void visit(Value* slot) override { marker.self().visitSlot(slot); }
  };
  ContentsVisitor contents_{*this};
};

class Marker final : public MarkStack<Marker> {
 public:
  explicit Marker(Heap& h) : h_(h) {}

  void visitSlot(Value* slot) {
    Value v = *slot;
    if (!v.isObject()) return;
    if (isYoungReference(v)) {
      // Pinned, and traced as a root already; only the card needs recording.
      if (isOld(slot)) markCard(slot);
      return;
    }
    markObject(v.asObject());
  }

  void markObject(Object* object) {
    if (h_.old.mark(object)) stack_.push_back(object);
  }

  void traceYoung(Object* object) { stack_.push_back(object); }

 private:
  Heap& h_;
};

bool isLive(Heap& h, Value v) { return !v.isObject() || isYoungReference(v) || h.old.isMarked(v.asObject()); }

void finalizeUnreachable(Heap& h, Marker& marker) {
  std::vector<Object*> old;
  old.swap(h.old_finalizable);
  for (Object* object : old) {
    if (h.old.isMarked(object)) {
      h.old_finalizable.push_back(object);
      continue;
    }
    marker.markObject(object);
    object->clearFlag(header::kFinalizable);
    h.pending_finalize.push_back(object);
  }
  marker.drain();
}

void processWeakSlots(Heap& h) {
  h.young_weak_slots.clear();
  auto update = [&](Object* holder) {
    bool cleared = false;
    forEachWeakSlot(holder, [&](Value* slot) {
      if (!isLive(h, *slot)) {
        *slot = Value();
        cleared = true;
      } else if (isYoungReference(*slot) && isOld(slot)) {
        h.young_weak_slots.push_back(slot);
      }
    });
    if (cleared) queueWeakCleared(holder);
  };
  std::vector<Object*> holders;
  holders.swap(h.old_weak_holders);
  for (Object* holder : holders) {
    if (!h.old.isMarked(holder)) continue;
    update(holder);
    h.old_weak_holders.push_back(holder);
  }
  for (Object* holder : h.young_weak_holders) update(holder);
}

}  // namespace

// Marks young objects too, with header::kExitMarked, and leaves every object
// where it is.  With no sweep to follow, the cards, the young lists and the
// remembered weak slots stay as the last collection left them, valid for the
// collections that finalizers may still cause.
class InPlaceMarker final : public MarkStack<InPlaceMarker> {
 public:
  explicit InPlaceMarker(Heap& h) : h_(h) {}

  void visitSlot(Value* slot) {
    Value v = *slot;
    if (v.isObject()) mark(v.asObject());
  }

  void mark(Object* object) {
    if (isYoung(object)) {
      if (object->hasFlag(header::kExitMarked)) return;
      object->setFlag(header::kExitMarked);
      young_marked_.push_back(object);
      stack_.push_back(object);
    } else if (h_.old.mark(object)) {
      stack_.push_back(object);
    }
  }

  bool isMarked(Object* object) const {
    return isYoung(object) ? object->hasFlag(header::kExitMarked) : h_.old.isMarked(object);
  }

  void clearMarks() {
    for (Object* object : young_marked_) object->clearFlag(header::kExitMarked);
    h_.old.clearMarks();
  }

 private:
  Heap& h_;
  std::vector<Object*> young_marked_;
};

void markInPlace() {
  Heap& h = heap();
  InPlaceMarker marker(h);
  for (uintptr_t word : conservativeRoots()) {
    Object* object = isYoungAddress(word) ? h.nursery.objectContaining(word) : h.old.objectContaining(word);
    if (object != nullptr) marker.mark(object);
  }
  traceRegisteredRoots(marker);
  traceStrongExternals(marker, /*young_only=*/false);
  marker.drain();

  // Unreachable finalizable objects: resurrected (with what they reference) and queued.
  for (std::vector<Object*>* list : {&h.young_finalizable, &h.old_finalizable}) {
    std::vector<Object*> registered;
    registered.swap(*list);
    for (Object* object : registered) {
      if (marker.isMarked(object)) {
        list->push_back(object);
        continue;
      }
      marker.mark(object);
      object->clearFlag(header::kFinalizable);
      h.pending_finalize.push_back(object);
    }
  }
  marker.drain();

  // Weak slots of reachable holders whose referents are unreachable.
  for (std::vector<Object*>* holders : {&h.young_weak_holders, &h.old_weak_holders}) {
    for (Object* holder : *holders) {
      if (!marker.isMarked(holder)) continue;
      bool cleared = false;
      forEachWeakSlot(holder, [&](Value* slot) {
        if (slot->isObject() && !marker.isMarked(slot->asObject())) {
          *slot = Value();
          cleared = true;
        }
      });
      if (cleared) queueWeakCleared(holder);
    }
  }
  marker.clearMarks();
}

void markAndSweep(const MinorResult& minor) {
  Heap& h = heap();
  h.old.clearAllCards();
  h.dirty_cards.clear();

  beginFullExternals();
  Marker marker(h);
  for (uintptr_t word : minor.old_candidates) {
    if (Object* object = h.old.objectContaining(word)) marker.markObject(object);
  }
  for (Object* object : minor.pinned) marker.traceYoung(object);
  traceRegisteredRoots(marker);
  traceStrongExternals(marker, /*young_only=*/false);
  for (auto [object, shadow] : h.shadows) h.old.mark(shadow);
  marker.drain();

  std::vector<Object*> to_save;
  if (h.save_filter != nullptr) {
    h.old.forEachObject([&](Object* object) {
      if (object->layoutId() != h.shadow_layout && !h.old.isMarked(object) && wantsSaving(h, object)) {
        to_save.push_back(object);
      }
    });
  }
  finalizeUnreachable(h, marker);
  for (Object* object : to_save) {
    marker.markObject(object);
    h.saved_unreachable.push_back(object);
  }
  marker.drain();
  processWeakSlots(h);
  sweepExternals([&](Object* object) { return isLive(h, Value(object)); });
  sweepTraces([&](Object* object) { return isLive(h, Value(object)); });
  h.old.sweep(h.config.poison, h.config.release);
  endFullExternals();
}

}  // namespace tern::gc
