package clock_test

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/clock"
)

func TestFakeSetAndAdvance(t *testing.T) {
	t.Parallel()
	start := time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC)
	c := clock.NewFake(start)
	if got := c.Now(); !got.Equal(start) {
		t.Fatalf("Now() = %v, want %v", got, start)
	}
	want := start.Add(548337 * time.Millisecond)
	if got := c.Advance(548337 * time.Millisecond); !got.Equal(want) {
		t.Fatalf("Advance() = %v, want %v", got, want)
	}
	if got := c.Now(); !got.Equal(want) {
		t.Fatalf("Now() after Advance = %v, want %v", got, want)
	}
	back := start.Add(-time.Hour)
	c.Set(back)
	if got := c.Now(); !got.Equal(back) {
		t.Fatalf("Now() after Set = %v, want %v", got, back)
	}
}

func TestFakeConcurrentUse(t *testing.T) {
	t.Parallel()
	c := clock.NewFake(time.Unix(0, 0).UTC())
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				c.Advance(time.Millisecond)
				_ = c.Now()
			}
		}()
	}
	wg.Wait()
	if got, want := c.Now(), time.Unix(8, 0).UTC(); !got.Equal(want) {
		t.Fatalf("Now() = %v, want %v", got, want)
	}
}

func TestRealMoves(t *testing.T) {
	t.Parallel()
	a := clock.Real().Now()
	b := clock.Real().Now()
	if b.Before(a) {
		t.Fatalf("real clock went backwards: %v then %v", a, b)
	}
}

func ExampleFake() {
	c := clock.NewFake(time.Date(2018, 7, 28, 11, 9, 49, 618e6, time.UTC))
	fmt.Println(c.Now().Format(time.RFC3339Nano))
	c.Advance(9*time.Minute + 8337*time.Millisecond)
	fmt.Println(c.Now().Format(time.RFC3339Nano))
	// Output:
	// 2018-07-28T11:09:49.618Z
	// 2018-07-28T11:18:57.955Z
}
