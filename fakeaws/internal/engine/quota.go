package engine

import (
	"math"
	"sync"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Quota is the request quota of one group of operations: a token bucket
// holding at most Burst calls, refilled at Rate calls per second of the
// Store's clock. Burst 0 means one second's worth (Rate rounded up, at least
// 1). The zero Quota means no quota.
type Quota struct {
	Rate  float64
	Burst int
}

func (q Quota) unlimited() bool { return q.Rate <= 0 && q.Burst <= 0 }

// burst returns the bucket's size in calls.
func (q Quota) burst() int64 {
	if q.Burst > 0 {
		return int64(q.Burst)
	}
	return max(1, int64(math.Ceil(q.Rate)))
}

// The groups of operations that share a request quota
// (docs/aws-behaviour.md §10). An operation named in none of them is a
// group of its own, named by its IAM action ("ssm:DescribeParameters").
const (
	// Parameter Store's standard throughput: GetParameter, GetParameters
	// and GetParametersByPath share one quota.
	QuotaParameterReads = "ssm:reads"
	// With /ssm/parameter-store/high-throughput-enabled: GetParameter and
	// GetParameters share one quota, GetParametersByPath has its own.
	QuotaParameterReadsHigh   = "ssm:reads-high-throughput"
	QuotaParametersByPathHigh = "ssm:GetParametersByPath-high-throughput"
	// PutParameter, standard and high throughput.
	QuotaPutParameter     = "ssm:PutParameter"
	QuotaPutParameterHigh = "ssm:PutParameter-high-throughput"

	// Secrets Manager: DescribeSecret and GetSecretValue share one quota.
	QuotaSecretReads = "secretsmanager:reads"
	// PutSecretValue, RemoveRegionsFromReplication, ReplicateSecretToRegions,
	// StopReplicationToReplica, UpdateSecret and UpdateSecretVersionStage.
	QuotaSecretWrites = "secretsmanager:writes"
	// DeleteResourcePolicy, GetResourcePolicy, PutResourcePolicy and
	// ValidateResourcePolicy.
	QuotaSecretPolicies = "secretsmanager:resource-policies"
	// RotateSecret and CancelRotateSecret.
	QuotaSecretRotation = "secretsmanager:rotation"
	// TagResource and UntagResource.
	QuotaSecretTags = "secretsmanager:tags"
)

// DefaultQuotas returns AWS's figures for every group that has one
// (docs/aws-behaviour.md §10 gives each figure's source). Parameter Store's
// operations other than the reads and PutParameter have none.
func DefaultQuotas() map[string]Quota {
	return map[string]Quota{
		QuotaParameterReads:       {Rate: 40},
		QuotaParameterReadsHigh:   {Rate: 3000},
		QuotaParametersByPathHigh: {Rate: 100},
		QuotaPutParameter:         {Rate: 3},
		QuotaPutParameterHigh:     {Rate: 10},

		QuotaSecretReads:                                 {Rate: 10000},
		QuotaSecretWrites:                                {Rate: 50},
		QuotaSecretPolicies:                              {Rate: 50},
		QuotaSecretRotation:                              {Rate: 50},
		QuotaSecretTags:                                  {Rate: 50},
		"secretsmanager:RestoreSecret":                   {Rate: 50},
		"secretsmanager:BatchGetSecretValue":             {Rate: 100},
		"secretsmanager:ListSecrets":                     {Rate: 100},
		"secretsmanager:CreateSecret":                    {Rate: 50},
		"secretsmanager:DeleteSecret":                    {Rate: 50},
		"secretsmanager:GetRandomPassword":               {Rate: 50},
		"secretsmanager:ListSecretVersionIds":            {Rate: 50},
		"secretsmanager:ListResourcePolicies":            {Rate: 50},
		"secretsmanager:AssociateCrossAccountReplica":    {Rate: 50},
		"secretsmanager:DisassociateCrossAccountReplica": {Rate: 50},
	}
}

// QuotaGroup returns the group whose quota a call of op draws on; high says
// whether Parameter Store's high-throughput setting is on.
func QuotaGroup(op Op, high bool) string {
	switch op {
	case "ssm:GetParameter", "ssm:GetParameters":
		if high {
			return QuotaParameterReadsHigh
		}
		return QuotaParameterReads
	case "ssm:GetParametersByPath":
		if high {
			return QuotaParametersByPathHigh
		}
		return QuotaParameterReads
	case "ssm:PutParameter":
		if high {
			return QuotaPutParameterHigh
		}
		return QuotaPutParameter
	case "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue":
		return QuotaSecretReads
	case "secretsmanager:PutSecretValue", "secretsmanager:RemoveRegionsFromReplication",
		"secretsmanager:ReplicateSecretToRegions", "secretsmanager:StopReplicationToReplica",
		"secretsmanager:UpdateSecret", "secretsmanager:UpdateSecretVersionStage":
		return QuotaSecretWrites
	case "secretsmanager:DeleteResourcePolicy", "secretsmanager:GetResourcePolicy",
		"secretsmanager:PutResourcePolicy", "secretsmanager:ValidateResourcePolicy":
		return QuotaSecretPolicies
	case "secretsmanager:RotateSecret", "secretsmanager:CancelRotateSecret":
		return QuotaSecretRotation
	case "secretsmanager:TagResource", "secretsmanager:UntagResource":
		return QuotaSecretTags
	}
	return string(op)
}

// dependsOnThroughput reports whether op's group changes with Parameter
// Store's high-throughput setting.
func dependsOnThroughput(op Op) bool {
	switch op {
	case "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:PutParameter":
		return true
	}
	return false
}

// quotas are a Store's token buckets, one per account, region and group,
// refilled lazily from the Store's clock when a call draws on them.
type quotas struct {
	figures map[string]Quota

	mu      sync.Mutex
	buckets map[bucketKey]*bucket
}

type bucketKey struct{ account, region, group string }

// tokenUnit is one call's worth of tokens: buckets count in billionths of
// a call, so that refills are exact for whole rates and clock steps.
const tokenUnit = int64(time.Second)

type bucket struct {
	tokens int64     // in tokenUnits
	last   time.Time // the clock when tokens was last brought up to date
}

// quotasFor returns the buckets for figures, or nil (no quotas) when
// figures is nil.
func quotasFor(figures map[string]Quota) *quotas {
	if figures == nil {
		return nil
	}
	return &quotas{figures: figures, buckets: map[bucketKey]*bucket{}}
}

// overQuota draws one call of op from its group's bucket in partition p at
// now, and returns AWS's ThrottlingException when the bucket is empty. It
// is the one check engine.Run makes for quotas; it runs outside the
// Store's lock, taking the read lock briefly only to read Parameter
// Store's throughput setting.
func (e *Engine) overQuota(p *Partition, op Op, now time.Time) error {
	high := false
	if dependsOnThroughput(op) {
		e.mu.RLock()
		high = p.SSM.HighThroughput()
		e.mu.RUnlock()
	}
	group := QuotaGroup(op, high)
	q := e.quotas.figures[group]
	if q.unlimited() {
		return nil
	}
	if !e.quotas.take(bucketKey{p.Account, p.Region, group}, q, now) {
		return core.Throttling(op)
	}
	return nil
}

// take refills the bucket k for the time since it was last used and takes
// one call from it; false when it holds less than one.
func (qs *quotas) take(k bucketKey, q Quota, now time.Time) bool {
	size := q.burst() * tokenUnit
	qs.mu.Lock()
	defer qs.mu.Unlock()
	b := qs.buckets[k]
	if b == nil {
		b = &bucket{tokens: size, last: now}
		qs.buckets[k] = b
	}
	if elapsed := now.Sub(b.last); elapsed > 0 && q.Rate > 0 {
		// A clock set back refills nothing; b.last only moves forward.
		add := float64(elapsed) * q.Rate
		if add >= float64(size-b.tokens) {
			b.tokens = size
		} else {
			b.tokens += int64(add)
		}
		b.last = now
	}
	if b.tokens < tokenUnit {
		return false
	}
	b.tokens -= tokenUnit
	return true
}
