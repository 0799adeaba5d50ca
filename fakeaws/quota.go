package fakeaws

import (
	"maps"
	"time"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/engine"
)

// QuotaGroup names a group of operations that share one request quota in
// AWS. The groups AWS documents are the constants below; any other
// operation is a group of its own, named by its Op:
// QuotaGroup(ssmfake.OpDescribeParameters).
type QuotaGroup string

// The groups of operations that share a quota, with AWS's figures
// (requests per second, per account and Region; docs/aws-behaviour.md §10
// gives each source).
const (
	// Parameter Store, standard throughput: GetParameter, GetParameters and
	// GetParametersByPath share 40.
	QuotaParameterReads QuotaGroup = engine.QuotaParameterReads
	// Parameter Store with /ssm/parameter-store/high-throughput-enabled
	// set to true: GetParameter and GetParameters share 3,000 ...
	QuotaParameterReadsHigh QuotaGroup = engine.QuotaParameterReadsHigh
	// ... and GetParametersByPath has 100.
	QuotaParametersByPathHigh QuotaGroup = engine.QuotaParametersByPathHigh
	// PutParameter: 3, or 10 with high throughput.
	QuotaPutParameter     QuotaGroup = engine.QuotaPutParameter
	QuotaPutParameterHigh QuotaGroup = engine.QuotaPutParameterHigh

	// Secrets Manager: DescribeSecret and GetSecretValue share 10,000.
	QuotaSecretReads QuotaGroup = engine.QuotaSecretReads
	// PutSecretValue, RemoveRegionsFromReplication, ReplicateSecretToRegions,
	// StopReplicationToReplica, UpdateSecret and UpdateSecretVersionStage
	// share 50.
	QuotaSecretWrites QuotaGroup = engine.QuotaSecretWrites
	// DeleteResourcePolicy, GetResourcePolicy, PutResourcePolicy and
	// ValidateResourcePolicy share 50.
	QuotaSecretPolicies QuotaGroup = engine.QuotaSecretPolicies
	// RotateSecret and CancelRotateSecret share 50.
	QuotaSecretRotation QuotaGroup = engine.QuotaSecretRotation
	// TagResource and UntagResource share 50.
	QuotaSecretTags QuotaGroup = engine.QuotaSecretTags
)

// Quota is a request quota: a token bucket that holds at most Burst calls
// and refills at Rate calls per second of the Store's clock. A call finding
// the bucket empty is answered ThrottlingException "Rate exceeded" (HTTP
// 400), which the SDK's retryer retries. Burst 0 means one second's worth
// (Rate rounded up, at least 1); Rate 0 with a Burst allows Burst calls
// and never refills. The zero Quota lifts a group's quota.
type Quota struct {
	Rate  float64
	Burst int
}

// WithQuotas turns request quotas on, with AWS's figures: calls of each
// group draw on one token bucket per account and Region, refilled on the
// Store's clock. Nothing refills while a fake clock stands still, so a test
// sees a burst throttled and, after clock.Fake.Advance, served again, in no
// wall-clock time. Parameter Store's groups follow the service setting
// /ssm/parameter-store/high-throughput-enabled, as on AWS. Snapshot,
// Restore and Reset leave the buckets as they are. Off by default.
func WithQuotas() Option {
	return func(o *config) {
		if o.quotas == nil {
			o.quotas = engine.DefaultQuotas()
		}
	}
}

// WithQuota turns request quotas on (as WithQuotas) and sets group's
// figure to q.
func WithQuota(group QuotaGroup, q Quota) Option {
	return func(o *config) {
		if o.quotas == nil {
			o.quotas = engine.DefaultQuotas()
		} else {
			o.quotas = maps.Clone(o.quotas)
		}
		o.quotas[string(group)] = engine.Quota{Rate: max(q.Rate, 0), Burst: max(q.Burst, 0)}
	}
}

// WithDeletionDelay makes Secrets Manager's deletions take d on the Store's
// clock, as AWS deletes secrets in the background: after DeleteSecret with
// ForceDeleteWithoutRecovery, or once a recovery window has ended, the
// secret stays for d as a secret scheduled for deletion (DescribeSecret
// shows it with DeletedDate, CreateSecret with its name is refused with
// InvalidRequestException, RestoreSecret can no longer restore it), then
// it is gone. Off (0) by default: the secret is gone at once.
func WithDeletionDelay(d time.Duration) Option {
	return func(o *config) { o.delay = max(d, 0) }
}
