package secrets

import (
	"testing"
	"time"
)

// NextRotationDate for cron() schedules: the close of the first window
// after the last rotation; windows close after Duration, else after an hour
// for schedules in hours and at the end of the day for schedules in days
// (RotationRulesType doc, D; showing the close is U, as for rate()).
func TestCronNext(t *testing.T) {
	t.Parallel()
	from := time.Date(2024, 3, 1, 10, 30, 0, 0, time.UTC) // a Friday
	tests := []struct {
		expr, duration string
		want           time.Time
	}{
		{"cron(0 16 1,15 * ? *)", "", time.Date(2024, 3, 1, 23, 59, 59, 0, time.UTC)},
		{"cron(0 9 1,15 * ? *)", "", time.Date(2024, 3, 15, 23, 59, 59, 0, time.UTC)},
		{"cron(0 8 * * ? *)", "", time.Date(2024, 3, 2, 23, 59, 59, 0, time.UTC)},
		{"cron(0 8 * * ? *)", "3h", time.Date(2024, 3, 2, 10, 59, 59, 0, time.UTC)},
		{"cron(0 */4 * * ? *)", "", time.Date(2024, 3, 1, 12, 59, 59, 0, time.UTC)},
		{"cron(0 12 ? * MON *)", "", time.Date(2024, 3, 4, 23, 59, 59, 0, time.UTC)},
		{"cron(0 12 ? * 2-3 *)", "", time.Date(2024, 3, 4, 23, 59, 59, 0, time.UTC)},
		{"cron(0 0 L * ? *)", "", time.Date(2024, 3, 31, 23, 59, 59, 0, time.UTC)},
		{"cron(0 0 1 JAN ? 2026)", "", time.Date(2026, 1, 1, 23, 59, 59, 0, time.UTC)},
		{"cron(0 11 1 * ? *)", "2d", time.Date(2024, 3, 3, 10, 59, 59, 0, time.UTC)},
		{"cron(0 10 1 * ? *)", "2d", time.Date(2024, 4, 3, 9, 59, 59, 0, time.UTC)},
	}
	for _, tc := range tests {
		r := &rotation{schedule: tc.expr, duration: tc.duration, from: from}
		got := r.next()
		if got == nil || !got.Equal(tc.want) {
			t.Errorf("%s (Duration %q) next = %v, want %v", tc.expr, tc.duration, got, tc.want)
		}
	}
	for _, expr := range []string{"cron(0 12 ? * MON#1 *)", "cron(0 12 15W * ? *)", "cron(61 * * * ? *)", "cron(0 8 * *)", "cron(0 0 30 2 ? *)"} {
		if got := (&rotation{schedule: expr, from: from}).next(); got != nil {
			t.Errorf("%s: next = %v, want none", expr, got)
		}
	}
}
