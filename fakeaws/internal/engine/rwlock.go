package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"
)

// rwLock is a readers-writer lock whose readers, while no writer is about,
// write nothing that another core's readers write, and whose writers do
// not put readers to sleep for a write that takes a few hundred
// nanoseconds.
//
// A sync.RWMutex counts its readers in one word: every RLock and RUnlock is
// an atomic add on the same cache line, which then moves between the cores
// on every read and serialises them. And a reader that finds a writer
// inside parks at once, and the writer that finds readers inside parks
// too: waking them costs microseconds, longer than the write.
//
// rwLock puts a sync.RWMutex behind a fast path, after BRAVO (Dice and
// Kogan, "BRAVO—Biased Locking for Reader-Writer Locks", USENIX ATC 2019).
// While the fast path is open, a reader announces itself in one of several
// counters, each on its own cache line, chosen by the goroutine's stack
// address, and takes nothing else. A writer closes the fast path, takes
// the RWMutex and waits until every counter is zero; the last writer out
// opens the fast path again. A reader that finds it closed yields its
// processor a few times, for the writer to finish, before it queues on the
// RWMutex.
//
// Go's atomics are sequentially consistent, which is what the reader's
// announce-then-check and the writer's close-then-scan rely on.
type rwLock struct {
	closed atomic.Bool
	_      [cacheLine - 4]byte
	// writers counts the writers in Lock or holding the lock: the last
	// one out opens the fast path.
	writers atomic.Int32
	_       [cacheLine - 4]byte
	readers [readerSlots]readerSlot
	mu      sync.RWMutex
	_       [cacheLine]byte
}

// cacheLine is a cache line's size with the neighbour line that x86
// prefetches along with it.
const cacheLine = 128

// readerSlots is how many reader counters there are: enough that readers on
// a few cores seldom share one, few enough that a writer scans them quickly.
const readerSlots = 1 << slotBits

const slotBits = 4

// readerYields is how many times a reader that finds a writer about yields
// before it queues on the RWMutex. A yield costs about what a read does;
// the writer it waits for is usually out within one or two.
const readerYields = 8

// readerSlot is one counter of fast-path readers, alone on its cache line.
type readerSlot struct {
	n atomic.Int32
	_ [cacheLine - 4]byte
}

// readToken is what RLock hands to RUnlock: the slot the reader counted
// itself in, or nil for a reader that holds the RWMutex.
type readToken *readerSlot

// RLock takes the lock for reading.
func (l *rwLock) RLock() readToken {
	for tries := 0; ; tries++ {
		if !l.closed.Load() {
			s := &l.readers[slotOf()]
			s.n.Add(1)
			if !l.closed.Load() {
				return s
			}
			s.n.Add(-1) // a writer came first
		}
		if tries == readerYields {
			break
		}
		runtime.Gosched()
	}
	l.mu.RLock()
	return nil
}

// RUnlock releases what RLock took.
func (l *rwLock) RUnlock(t readToken) {
	if t != nil {
		(*readerSlot)(t).n.Add(-1)
		return
	}
	l.mu.RUnlock()
}

// Lock takes the lock for writing. It closes the fast path before it waits
// for the RWMutex, so that readers wait behind it instead of passing it;
// it closes it again once it holds the RWMutex, as the writer before it
// opens it on its way out, and then waits for the fast-path readers to
// leave. It always looks: the path may have been open for a moment while it
// waited, and readers that counted a slot no writer scanned may be inside.
// Only the RWMutex's holder opens the path, so it stays closed until this
// writer's Unlock.
func (l *rwLock) Lock() {
	l.writers.Add(1)
	closePath(&l.closed)
	l.mu.Lock()
	closePath(&l.closed)
	for i := range l.readers {
		for spins := 0; l.readers[i].n.Load() != 0; spins++ {
			if spins > 100 {
				runtime.Gosched()
			}
		}
	}
}

// closePath closes the fast path, without writing the flag's cache line
// when it is already closed.
func closePath(closed *atomic.Bool) {
	if !closed.Load() {
		closed.Store(true)
	}
}

// Unlock releases the write lock, opening the fast path if no other writer
// is waiting.
func (l *rwLock) Unlock() {
	if l.writers.Load() == 1 {
		l.closed.Store(false)
	}
	l.mu.Unlock()
	l.writers.Add(-1)
}

// slotOf picks a reader slot from the calling goroutine's stack address:
// the same goroutine keeps its slot, and goroutines, whose stacks lie apart,
// spread over the slots.
func slotOf() int {
	var marker byte
	a := uint64(uintptr(unsafe.Pointer(&marker)))
	// Stacks start at 8 KiB; mix the page number into the top bits.
	return int(((a >> 13) * 0x9e3779b97f4a7c15) >> (64 - slotBits))
}
