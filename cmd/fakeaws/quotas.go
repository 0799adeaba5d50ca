package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/fakeaws/fakeaws-go/fakeaws"
)

// awsBehaviourFlags registers the flags of AWS's opt-in behaviours on fs:
// -quotas, -quota GROUP=RATE[/BURST] (repeatable) and -deletion-delay D. It
// returns the Store options they ask for, to call once fs is parsed.
func awsBehaviourFlags(fs *flag.FlagSet) func() []fakeaws.Option {
	var quotas bool
	var opts []fakeaws.Option
	fs.BoolVar(&quotas, "quotas", false, "throttle calls over AWS's request quotas (per account, Region and group of operations; refilled on the server's clock)")
	fs.Func("quota", "GROUP=RATE[/BURST]: set one group's request quota (calls per second, bucket size) and turn quotas on; repeatable; RATE 0 lifts the group's quota", func(v string) error {
		group, q, err := parseQuota(v)
		if err != nil {
			return err
		}
		opts = append(opts, fakeaws.WithQuota(group, q))
		return nil
	})
	delay := fs.Duration("deletion-delay", 0, "how long a deleted secret stays visible (scheduled for deletion) after a forced delete or the end of its recovery window")
	return func() []fakeaws.Option {
		all := opts
		if quotas {
			all = append([]fakeaws.Option{fakeaws.WithQuotas()}, all...)
		}
		if *delay > 0 {
			all = append(all, fakeaws.WithDeletionDelay(*delay))
		}
		return all
	}
}

// parseQuota reads GROUP=RATE[/BURST].
func parseQuota(v string) (fakeaws.QuotaGroup, fakeaws.Quota, error) {
	group, figures, ok := strings.Cut(v, "=")
	if !ok || group == "" {
		return "", fakeaws.Quota{}, fmt.Errorf("want GROUP=RATE[/BURST], got %q", v)
	}
	rate, burst, hasBurst := strings.Cut(figures, "/")
	var q fakeaws.Quota
	var err error
	if q.Rate, err = strconv.ParseFloat(rate, 64); err != nil || q.Rate < 0 {
		return "", fakeaws.Quota{}, fmt.Errorf("%q: RATE must be a number of calls per second, at least 0", v)
	}
	if hasBurst {
		if q.Burst, err = strconv.Atoi(burst); err != nil || q.Burst < 1 {
			return "", fakeaws.Quota{}, fmt.Errorf("%q: BURST must be a whole number of calls, at least 1", v)
		}
	}
	return fakeaws.QuotaGroup(group), q, nil
}
