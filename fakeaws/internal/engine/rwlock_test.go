package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestRWLockExcludes runs readers and writers on one rwLock. Writers change
// two plain fields together; a reader that sees them differ, or a reader
// inside while a writer is, means the lock let them overlap (and -race
// reports the unsynchronised access). Writers come in bursts with pauses,
// so the fast path closes and opens many times.
func TestRWLockExcludes(t *testing.T) {
	var (
		l       rwLock
		a, b    int
		inside  atomic.Int32 // readers inside; -1<<20 while a writer is
		readers = 4
		writers = 2
		rounds  = 20_000
	)
	if testing.Short() {
		rounds = 2_000
	}
	var wg sync.WaitGroup
	var fast atomic.Int64
	for range readers {
		wg.Go(func() {
			for i := range rounds {
				tok := l.RLock()
				if tok != nil {
					fast.Add(1)
				}
				if inside.Add(1) < 0 {
					t.Error("a reader is inside while a writer is")
				}
				x := a
				if i%4 == 0 {
					runtime.Gosched() // hold the lock a while: a writer must wait
				}
				if y := b; x != y {
					t.Errorf("reader saw a=%d b=%d", x, y)
				}
				inside.Add(-1)
				l.RUnlock(tok)
				if i%1000 == 0 {
					runtime.Gosched()
				}
			}
		})
	}
	for w := range writers {
		wg.Go(func() {
			for i := range rounds / 10 {
				l.Lock()
				if !inside.CompareAndSwap(0, -1<<20) {
					t.Error("a writer is inside with readers or another writer")
				}
				a = w*rounds + i
				runtime.Gosched() // give a reader the chance to pass a broken lock
				b = a
				inside.Store(0)
				l.Unlock()
				if i%50 == 0 {
					for range 200 {
						runtime.Gosched() // a pause: readers take the fast path again
					}
				}
			}
		})
	}
	wg.Wait()
	if fast.Load() == 0 {
		t.Error("no read took the fast path")
	}
	t.Logf("%d of %d reads took the fast path", fast.Load(), readers*rounds)
}

// TestRWLockWriterWaits: a writer waits for a reader on the fast path, a
// reader that comes while the writer waits queues behind it, and the fast
// path opens again once the writer is out.
func TestRWLockWriterWaits(t *testing.T) {
	var l rwLock
	tok := l.RLock()
	if tok == nil {
		t.Fatal("RLock on a new lock did not take the fast path")
	}
	locked := make(chan struct{})
	go func() {
		l.Lock()
		close(locked)
	}()
	for !l.closed.Load() {
		runtime.Gosched() // wait until the writer has closed the fast path
	}
	select {
	case <-locked:
		t.Fatal("the writer got the lock while a fast-path reader held it")
	case <-time.After(20 * time.Millisecond):
	}
	second := make(chan readToken)
	go func() { second <- l.RLock() }()
	select {
	case <-second:
		t.Fatal("a reader got the lock while a writer waited")
	case <-time.After(20 * time.Millisecond):
	}
	l.RUnlock(tok)
	<-locked
	select {
	case <-second:
		t.Fatal("a reader got the lock while a writer held it")
	case <-time.After(20 * time.Millisecond):
	}
	l.Unlock()
	l.RUnlock(<-second)
	if l.closed.Load() {
		t.Fatal("the fast path is still closed after the only writer left")
	}
	if tok := l.RLock(); tok == nil {
		t.Error("a reader after the writer left did not take the fast path")
	} else {
		l.RUnlock(tok)
	}
}
