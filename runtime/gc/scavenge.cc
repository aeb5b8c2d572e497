// The minor collection: evacuate the live young objects.
//
// Roots are the stack words (which pin what they point into), the registered root
// containers and the dirty cards.  A live young object is copied to the old space
// (promoted), or into nursery to-space while it is younger than the tenure age,
// and leaves a forwarding address behind; a copied object is put on a worklist
// whose objects' slots are scanned in turn.  Then:
//   1. unreachable finalizable objects are resurrected (copied, with everything
//      they reference) and queued; so are, for gc.DEBUG_SAVEALL, the
//      unreachable objects setSaveUnreachable() asks for;
//   2. weak slots are updated or cleared;
//   3. identity shadows follow their objects (identity.cc), and so do external
//      links (external.cc), whose strong ones were roots, and allocation
//      traces (alloc_trace.cc);
//   4. the nursery is reset around the pinned objects.
// Every old slot that still refers to a young object afterwards has its card
// dirtied by writeBarrier() as the slot is updated, which restores the
// generational invariant (barrier.h).
#include <cstring>

#include "runtime/gc/heap_internal.h"
#include "runtime/gc/sanitizer.h"

namespace tern::gc {

namespace {

class Scavenger final : public RootVisitor {
 public:
  Scavenger(Heap& h, bool promote_all) : h_(h), promote_all_(promote_all) {}

  void visitRoot(Value* slot) override { visitSlot(slot); }

  void visitSlot(Value* slot) {
    Value v = *slot;
    if (!isYoungReference(v)) return;
    Value moved = evacuate(v.asObject());
    *slot = moved;
    writeBarrier(slot, moved);
  }

  // The object's address after this collection, copying it if it has not been.
  // A slot may be visited twice (a promoted object in a dirty card is scanned
  // from the card and from the worklist), so the object may be a copy already.
  Object* evacuate(Object* object) {
    if (object->isForwarded()) return object->forwardee();
    if (object->hasFlag(header::kPinned) || h_.nursery.isInToSpace(object)) return object;
    return copy(object);
  }

  bool survived(Object* object) const {
    return object->isForwarded() || object->hasFlag(header::kPinned) || h_.nursery.isInToSpace(object);
  }
  Object* afterCollection(Object* object) const { return object->isForwarded() ? object->forwardee() : object; }

  void pin(Object* object) {
    if (object->hasFlag(header::kPinned)) return;
    object->setFlag(header::kPinned);
    pinned_.push_back(object);
    worklist_.push_back(object);
  }

  void drain() {
    while (!worklist_.empty()) {
      Object* object = worklist_.back();
      worklist_.pop_back();
      forEachStrongSlot(object, [this](Value* slot) { visitSlot(slot); });
    }
  }

  void scanDirtyCards() {
    std::vector<uintptr_t> cards;
    cards.swap(h_.dirty_cards);
    for (uintptr_t card : cards) {
      if (g_bounds.cards[card] == 0) continue;  // its page was freed since
      g_bounds.cards[card] = 0;
      uintptr_t lo = g_bounds.old_lo + card * kCardBytes, hi = lo + kCardBytes;
      h_.old.forEachObjectOverlapping(lo, hi, [&](Object* object) {
        forEachStrongSlotIn(object, lo, hi, [this](Value* slot) { visitSlot(slot); });
      });
    }
  }

  // The unreachable young objects setSaveUnreachable() wants, found before
  // finalizeUnreachable() resurrects anything.
  std::vector<Object*> unreachableToSave() {
    std::vector<Object*> found;
    if (h_.save_filter == nullptr) return found;
    h_.nursery.forEachObject(
        [&](Object* object) {
          if (!survived(object) && wantsSaving(h_, object)) found.push_back(object);
        },
        /*from_space=*/true);
    return found;
  }

  void save(const std::vector<Object*>& objects) {
    for (Object* object : objects) {
      Object* now = survived(object) ? afterCollection(object) : copy(object);
      h_.saved_unreachable.push_back(now);
    }
    drain();
  }

  void finalizeUnreachable() {
    std::vector<Object*> young;
    young.swap(h_.young_finalizable);
    for (Object* object : young) {
      if (survived(object)) {
        Object* now = afterCollection(object);
        (isYoung(now) ? h_.young_finalizable : h_.old_finalizable).push_back(now);
        continue;
      }
      Object* resurrected = copy(object);
      resurrected->clearFlag(header::kFinalizable);
      h_.pending_finalize.push_back(resurrected);
    }
    drain();
  }

  // Updates one weak slot; returns true if its referent died and it was cleared.
  bool updateWeakSlot(Value* slot) {
    Value v = *slot;
    if (!isYoungReference(v)) return false;
    Object* object = v.asObject();
    if (survived(object)) {
      *slot = afterCollection(object);
      return false;
    }
    *slot = Value();
    return true;
  }

  void processWeakSlots() {
    std::vector<Value*> old_slots;
    old_slots.swap(h_.young_weak_slots);
    for (Value* slot : old_slots) {
      if (updateWeakSlot(slot)) {
        Object* holder = h_.old.objectContaining(reinterpret_cast<uintptr_t>(slot));
        if (holder != nullptr) queueWeakCleared(holder);
      }
      if (isYoungReference(*slot)) h_.young_weak_slots.push_back(slot);
    }
    std::vector<Object*> holders;
    holders.swap(h_.young_weak_holders);
    for (Object* holder : holders) {
      if (!survived(holder)) continue;
      holder = afterCollection(holder);
      bool cleared = false;
      forEachWeakSlot(holder, [&](Value* slot) { cleared |= updateWeakSlot(slot); });
      if (cleared) queueWeakCleared(holder);
      if (isYoung(holder)) {
        h_.young_weak_holders.push_back(holder);
      } else {
        h_.old_weak_holders.push_back(holder);
        forEachWeakSlot(holder, [&](Value* slot) {
          if (isYoungReference(*slot)) h_.young_weak_slots.push_back(slot);
        });
      }
    }
  }

  // Shadows follow their objects: promoted objects now live in them, survivors in
  // to-space and pinned objects keep them, dead objects give them back.
  void updateShadows() {
    std::unordered_map<Object*, Object*> before;
    before.swap(h_.shadows);
    for (auto [object, shadow] : before) {
      if (object->isForwarded()) {
        if (isYoung(object->forwardee())) h_.shadows.emplace(object->forwardee(), shadow);
      } else if (object->hasFlag(header::kPinned)) {
        h_.shadows.emplace(object, shadow);
      } else {
        h_.old.freeCell(shadow);
      }
    }
  }

  std::vector<Object*>& pinned() { return pinned_; }
  size_t promotedBytes() const { return promoted_bytes_; }

 private:
  Object* copy(Object* from) {
    size_t bytes = from->sizeBytes();
    unsigned age = from->age() + 1;
    Object* to = nullptr;
    // A linked object (a C object's wrapper) stays young one collection
    // longer: C references that kept it alive through this one are often
    // held by proxies dying in it (the argument tuples C received), which
    // release them only afterwards; promoted, it would wait for a full
    // collection to be freed, with all the C memory it owns.
    unsigned tenure = h_.config.tenure_age + (from->hasFlag(header::kHasExternal) ? 2 : 0);
    if (!promote_all_ && age < tenure) to = h_.nursery.allocateSurvivor(bytes);
    if (to != nullptr) {
      std::memcpy(to, from, bytes);
      to->setAge(age);
    } else {
      bool zeroed;  // no matter: copied over
      to = from->hasFlag(header::kHasShadow) ? h_.shadows.at(from) : h_.old.allocate(bytes, &zeroed);
      std::memcpy(to, from, bytes);
      to->clearFlag(header::kHasShadow);
      to->setAge(0);
      promoted_bytes_ += bytes;
    }
    from->forwardTo(to);
    worklist_.push_back(to);
    return to;
  }

  Heap& h_;
  bool promote_all_;
  std::vector<Object*> worklist_;
  std::vector<Object*> pinned_;
  size_t promoted_bytes_ = 0;
};

}  // namespace

MinorResult scavenge(bool promote_all, bool want_old_candidates) {
  Heap& h = heap();
  MinorResult result;
  Scavenger scavenger(h, promote_all);

  std::vector<uintptr_t> words = conservativeRoots();
  h.stats.bytes_allocated += h.nursery.allocatedBytes();
  h.nursery.beginCollection();
  for (uintptr_t word : words) {
    if (isYoungAddress(word)) {
      if (Object* object = h.nursery.objectContaining(word)) scavenger.pin(object);
    } else if (want_old_candidates) {
      result.old_candidates.push_back(word);
    }
  }
  traceRegisteredRoots(scavenger);
  traceStrongExternals(scavenger, /*young_only=*/true);
  scavenger.scanDirtyCards();
  scavenger.drain();
  std::vector<Object*> to_save = scavenger.unreachableToSave();
  scavenger.finalizeUnreachable();
  scavenger.save(to_save);
  scavenger.processWeakSlots();
  scavenger.updateShadows();
  auto survivor_of = [&](Object* object) -> Object* {
    return scavenger.survived(object) ? scavenger.afterCollection(object) : nullptr;
  };
  updateYoungExternals(survivor_of);
  updateYoungTraces(survivor_of);

  result.pinned = std::move(scavenger.pinned());
  h.nursery.finishCollection(result.pinned, h.config.poison);
  for (Object* object : result.pinned) object->clearFlag(header::kPinned);

  h.stats.bytes_promoted += scavenger.promotedBytes();
  h.stats.pinned_last_minor = result.pinned.size();
  return result;
}

}  // namespace tern::gc
