// Package clock gives fakeaws its sense of time: a Clock interface, the real
// wall clock, and a fake clock that tests move by hand.
//
// Every timestamp a fakeaws Store writes comes from its Clock, so a test that
// passes a Fake gets the same CreatedDate, LastModifiedDate and deletion
// windows on every run:
//
//	clk := clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))
//	st := fakeaws.New(fakeaws.WithClock(clk))
//	clk.Advance(8 * time.Minute)
//
// The clock is passive: nothing in fakeaws sleeps or waits on it; effects that
// depend on time (a deletion window passing) are computed when state is read.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time. Implementations must be safe for concurrent use.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// Real returns the wall clock.
func Real() Clock { return realClock{} }

// Fake is a Clock that moves only when told to. It is safe for concurrent use.
// The zero value is not usable: create one with NewFake.
type Fake struct {
	mu  sync.RWMutex
	now time.Time
}

// NewFake returns a fake clock standing at start.
func NewFake(start time.Time) *Fake { return &Fake{now: start} }

// Now returns the fake clock's current time.
func (f *Fake) Now() time.Time {
	f.mu.RLock()
	defer f.mu.RUnlock()
	return f.now
}

// Set moves the clock to t, forwards or backwards.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = t
}

// Advance moves the clock forward by d (backward if d is negative) and
// returns the new time.
func (f *Fake) Advance(d time.Duration) time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	return f.now
}
