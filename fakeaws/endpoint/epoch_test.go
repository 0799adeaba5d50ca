package endpoint

import (
	"testing"
	"time"
)

// TestEpochSecondsBothWays: a time is written as seconds since the epoch
// with up to three decimals, also before 1970 (the sign, then the
// magnitude: -1.5 is a second and a half before the epoch), and reads back
// as the same time.
func TestEpochSecondsBothWays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ms   int64
		want string
	}{
		{1700000000123, "1700000000.123"},
		{1700000000500, "1700000000.5"},
		{1700000000000, "1700000000"},
		{0, "0"},
		{-1500, "-1.5"},
		{-500, "-0.5"},
		{-1000, "-1"},
		{-86400001, "-86400.001"},
	} {
		tm := time.UnixMilli(tc.ms).UTC()
		if got := string(appendEpochSeconds(nil, tm)); got != tc.want {
			t.Errorf("%v (%d ms) written as %s, want %s", tm, tc.ms, got, tc.want)
		}
		back, err := parseEpochSeconds(tc.want)
		if err != nil || !back.Equal(tm) {
			t.Errorf("%s reads back as %v, %v; want %v", tc.want, back, err, tm)
		}
	}
}
