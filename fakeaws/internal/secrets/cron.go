package secrets

import (
	"strconv"
	"strings"
	"time"
)

// cronSchedule is a parsed rotation schedule cron(minutes hours
// day-of-month month day-of-week year), as Secrets Manager reads it (the
// EventBridge cron syntax: "Schedule expressions in Secrets Manager
// rotation", D). Supported: numbers, "*", "?", ranges, lists, steps, month
// and day names, and "L" as the last day of the month. "W", "#" and "L" in
// day-of-week are not: such a schedule has no NextRotationDate (U).
type cronSchedule struct {
	minute, hour, dom, month, dow [64]bool
	lastDOM                       bool // "L" in day-of-month
	anyDOM, anyDOW                bool // "?" or "*"
	years                         map[int]bool
	hourly                        bool // the hours field repeats: a window of one hour
}

var (
	monthNames = []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}
	dayNames   = []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}
)

// parseCron reads "cron(...)"; false when expr is not one it understands.
func parseCron(expr string) (*cronSchedule, bool) {
	body, ok := strings.CutPrefix(expr, "cron(")
	if !ok {
		return nil, false
	}
	body, ok = strings.CutSuffix(body, ")")
	if !ok {
		return nil, false
	}
	f := strings.Fields(body)
	if len(f) != 6 {
		return nil, false
	}
	c := &cronSchedule{}
	ok = cronField(f[0], 0, 59, nil, c.minute[:]) &&
		cronField(f[1], 0, 23, nil, c.hour[:]) &&
		cronField(f[3], 1, 12, monthNames, c.month[:])
	if !ok {
		return nil, false
	}
	c.hourly = strings.ContainsAny(f[1], "*/,-")
	switch {
	case f[2] == "L":
		c.lastDOM = true
	case f[2] == "?" || f[2] == "*":
		c.anyDOM = true
	default:
		if !cronField(f[2], 1, 31, nil, c.dom[:]) {
			return nil, false
		}
	}
	if f[4] == "?" || f[4] == "*" {
		c.anyDOW = true
	} else if !cronField(f[4], 1, 7, dayNames, c.dow[:]) {
		return nil, false
	}
	if f[5] != "*" {
		years := map[int]bool{}
		for _, part := range strings.Split(f[5], ",") {
			lo, hi, ok := cronRange(part, 1970, 2199, nil)
			if !ok {
				return nil, false
			}
			for y := lo; y <= hi; y++ {
				years[y] = true
			}
		}
		c.years = years
	}
	return c, true
}

// cronField sets set[v] for every value field names within lo..hi.
func cronField(field string, lo, hi int, names []string, set []bool) bool {
	for _, part := range strings.Split(field, ",") {
		step := 1
		if r, s, ok := strings.Cut(part, "/"); ok {
			n, err := strconv.Atoi(s)
			if err != nil || n <= 0 {
				return false
			}
			step, part = n, r
			if !strings.Contains(part, "-") && part != "*" {
				part += "-" + strconv.Itoa(hi) // "a/n": from a to the end
			}
		}
		a, b, ok := cronRange(part, lo, hi, names)
		if !ok {
			return false
		}
		for v := a; v <= b; v += step {
			set[v] = true
		}
	}
	return true
}

// cronRange reads "*", "v" or "a-b" (numbers or names) within lo..hi.
func cronRange(part string, lo, hi int, names []string) (int, int, bool) {
	if part == "*" {
		return lo, hi, true
	}
	a, b, isRange := strings.Cut(part, "-")
	x, ok := cronValue(a, lo, hi, names)
	if !ok {
		return 0, 0, false
	}
	if !isRange {
		return x, x, true
	}
	y, ok := cronValue(b, lo, hi, names)
	if !ok || y < x {
		return 0, 0, false
	}
	return x, y, true
}

func cronValue(s string, lo, hi int, names []string) (int, bool) {
	for i, n := range names {
		if strings.EqualFold(s, n) {
			return lo + i, true
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, false
	}
	return v, true
}

// dayMatches reports whether the schedule runs on day d (midnight UTC).
func (c *cronSchedule) dayMatches(d time.Time) bool {
	if !c.month[int(d.Month())] {
		return false
	}
	if c.years != nil && !c.years[d.Year()] {
		return false
	}
	domOK := c.anyDOM || c.dom[d.Day()]
	if c.lastDOM {
		domOK = d.AddDate(0, 0, 1).Day() == 1
	}
	dowOK := c.anyDOW || c.dow[int(d.Weekday())+1]
	return domOK && dowOK
}

// after returns the first time the schedule starts a rotation window
// strictly after t, searching five years ahead; false when there is none.
func (c *cronSchedule) after(t time.Time) (time.Time, bool) {
	t = t.UTC()
	day := t.Truncate(24 * time.Hour)
	for i := 0; i < 5*366; i++ {
		d := day.AddDate(0, 0, i)
		if !c.dayMatches(d) {
			continue
		}
		for h := 0; h < 24; h++ {
			if !c.hour[h] {
				continue
			}
			for m := 0; m < 60; m++ {
				if !c.minute[m] {
					continue
				}
				at := d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
				if at.After(t) {
					return at, true
				}
			}
		}
	}
	return time.Time{}, false
}

// windowClose returns when the rotation window opened at start closes: after
// Duration ("3h", "1d") when set, else after one hour for a schedule in
// hours and at the end of the day for one in days (RotationRulesType doc,
// D). NextRotationDate shows the close, as for rate() schedules (U).
func (c *cronSchedule) windowClose(start time.Time, duration string) time.Time {
	if n, err := strconv.Atoi(strings.TrimRight(duration, "hd")); err == nil && n > 0 && duration != "" {
		if strings.HasSuffix(duration, "h") {
			return start.Add(time.Duration(n)*time.Hour - time.Second)
		}
		if strings.HasSuffix(duration, "d") {
			return start.Add(time.Duration(n)*24*time.Hour - time.Second)
		}
	}
	if c.hourly {
		return start.Add(time.Hour - time.Second)
	}
	return start.Truncate(24 * time.Hour).Add(dayWindowClosing)
}
