package secrets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// secretExt is what a secret has beyond its value and labels once it is
// configured for it: a resource policy, a rotation configuration. A secret
// that has none of these has a nil ext.
type secretExt struct {
	policy   *string   // the "default" resource policy as given (docs/aws-behaviour.md §3.5)
	rotation *rotation // nil until RotateSecret is called

	// Replication (api_op_Replication.go).
	primary  *replicaOf    // set on a replica
	replicas []*regionLink // a primary's region replicas, in the order added
	xreplica *accountLink  // a primary's cross-account replica
}

// rotation is a secret's rotation configuration (RotateSecret, docs/aws-behaviour.md §3.5).
type rotation struct {
	enabled     bool
	lambdaARN   string
	afterDays   int64  // RotationRules.AutomaticallyAfterDays, 0 if not set
	schedule    string // RotationRules.ScheduleExpression
	duration    string // RotationRules.Duration
	lastRotated *time.Time
	from        time.Time // what the schedule counts from: the last rotation, or when it was set
}

// extOf returns sec's ext, creating it. The write lock must be held.
func (sec *secret) extOf() *secretExt {
	if sec.ext == nil {
		sec.ext = &secretExt{}
	}
	return sec.ext
}

// fillExt adds the rotation fields to e, as DescribeSecret and ListSecrets
// show them: only once RotateSecret has been called (docs/aws-behaviour.md §3.5, M).
func (sec *secret) fillExt(e *types.SecretListEntry) {
	if sec.ext == nil || sec.ext.rotation == nil {
		return
	}
	r := sec.ext.rotation
	e.RotationEnabled = aws.Bool(r.enabled)
	if r.lambdaARN != "" {
		e.RotationLambdaARN = aws.String(r.lambdaARN)
	}
	if r.afterDays != 0 || r.schedule != "" || r.duration != "" {
		e.RotationRules = &types.RotationRulesType{}
		if r.afterDays != 0 {
			e.RotationRules.AutomaticallyAfterDays = aws.Int64(r.afterDays)
		}
		if r.schedule != "" {
			e.RotationRules.ScheduleExpression = aws.String(r.schedule)
		}
		if r.duration != "" {
			e.RotationRules.Duration = aws.String(r.duration)
		}
	}
	if r.lastRotated != nil {
		e.LastRotatedDate = copyTime(*r.lastRotated)
	}
	if r.enabled {
		e.NextRotationDate = r.next()
	}
}

// exportExt adds sec's resource policy, rotation configuration and
// replication to fs.
func (sec *secret) exportExt(fs *fixture.Secret) {
	x := sec.ext
	if x == nil {
		return
	}
	fs.ResourcePolicy = aws.ToString(x.policy)
	if p := x.primary; p != nil {
		if p.cross {
			fs.CrossAccountPrimary = &fixture.CrossAccountPrimary{PrimarySecretARN: p.arn, Status: string(p.status)}
		} else {
			fs.PrimaryRegion = p.region
		}
	}
	for _, l := range x.replicas {
		fs.Replicas = append(fs.Replicas, fixture.Replica{Region: l.region, KmsKeyID: aws.ToString(l.kms), FailedMessage: l.failed})
	}
	if xl := x.xreplica; xl != nil {
		fs.CrossAccountReplica = &fixture.CrossAccountReplica{ReplicaSecretARN: xl.arn, ReplicationRoleARN: aws.ToString(xl.role), Status: string(xl.status)}
	}
	if r := x.rotation; r != nil {
		fs.Rotation = &fixture.Rotation{
			Enabled:                r.enabled,
			LambdaARN:              r.lambdaARN,
			AutomaticallyAfterDays: r.afterDays,
			ScheduleExpression:     r.schedule,
			Duration:               r.duration,
		}
		if r.lastRotated != nil {
			fs.Rotation.LastRotatedDate = copyTime(*r.lastRotated)
		}
	}
}

// importExt checks and sets fs's resource policy (JSON, 1–20480
// characters, as PutResourcePolicy takes it) and rotation configuration
// (RotateSecret's limits; enabled only with a Lambda ARN). The schedule
// counts from LastRotatedDate, else from CreatedDate.
func (sec *secret) importExt(fs *fixture.Secret) error {
	if fs.ResourcePolicy != "" {
		if err := checkPolicy(&fs.ResourcePolicy); err != nil {
			return fmt.Errorf("resourcePolicy: %s", errText(err))
		}
		p := fs.ResourcePolicy
		sec.extOf().policy = &p
	}
	if err := sec.importReplication(fs); err != nil {
		return err
	}
	fr := fs.Rotation
	if fr == nil {
		return nil
	}
	rr := &types.RotationRulesType{Duration: optStr(fr.Duration), ScheduleExpression: optStr(fr.ScheduleExpression)}
	if fr.AutomaticallyAfterDays != 0 {
		rr.AutomaticallyAfterDays = aws.Int64(fr.AutomaticallyAfterDays)
	}
	if err := checkRotationRules(rr); err != nil {
		return fmt.Errorf("rotation: %s", errText(err))
	}
	if len(fr.LambdaARN) > maxLambdaARNLen {
		return fmt.Errorf("rotation: lambdaArn longer than %d characters", maxLambdaARNLen)
	}
	if fr.Enabled && fr.LambdaARN == "" {
		return errors.New("rotation: enabled without lambdaArn")
	}
	r := &rotation{
		enabled:   fr.Enabled,
		lambdaARN: fr.LambdaARN,
		afterDays: fr.AutomaticallyAfterDays,
		schedule:  fr.ScheduleExpression,
		duration:  fr.Duration,
		from:      sec.created,
	}
	if fr.LastRotatedDate != nil {
		t := ms(*fr.LastRotatedDate)
		r.lastRotated, r.from = &t, t
	}
	sec.extOf().rotation = r
	return nil
}

// importReplication checks and sets fs's replication fields: a secret is a
// region replica, a cross-account replica or a primary, not two of these;
// regions match the API model's pattern, ARNs are secret ARNs of the
// secret's region, statuses are the model's. Whether the other side of
// each link exists is not checked: a primary's next write makes a missing
// region replica again.
func (sec *secret) importReplication(fs *fixture.Secret) error {
	account, region := arnAccountRegion(sec.arn)
	roles := 0
	if fs.PrimaryRegion != "" {
		roles++
		if fs.PrimaryRegion == region || !regionPattern.MatchString(fs.PrimaryRegion) {
			return fmt.Errorf("primaryRegion %q is not another region", fs.PrimaryRegion)
		}
		suffix := sec.arn[strings.LastIndex(sec.arn, ":")+1:]
		sec.extOf().primary = &replicaOf{account: account, region: fs.PrimaryRegion, status: types.StatusTypeInSync,
			arn: core.ARN(core.PrefixSM, fs.PrimaryRegion, account, "secret:"+suffix)}
	}
	if cp := fs.CrossAccountPrimary; cp != nil {
		roles++
		acct, ok := arnAccount(cp.PrimarySecretARN, region)
		if !ok || acct == account {
			return fmt.Errorf("crossAccountPrimary: %q is not a secret ARN of another account in %s", cp.PrimarySecretARN, region)
		}
		st := types.StatusType(cp.Status)
		if st != types.StatusTypePending && st != types.StatusTypeInSync && st != types.StatusTypeDetached {
			return fmt.Errorf("crossAccountPrimary: status %q is not Pending, InSync or Detached", cp.Status)
		}
		sec.extOf().primary = &replicaOf{account: acct, region: region, arn: cp.PrimarySecretARN, cross: true, status: st}
	}
	if len(fs.Replicas) > 0 || fs.CrossAccountReplica != nil {
		roles++
	}
	if roles > 1 {
		return errors.New("a secret is a region replica, a cross-account replica or a primary, not two of these")
	}
	seen := map[string]bool{}
	for _, r := range fs.Replicas {
		if r.Region == region || !regionPattern.MatchString(r.Region) || seen[r.Region] {
			return fmt.Errorf("replicas: region %q is not another region, or is listed twice", r.Region)
		}
		seen[r.Region] = true
		sec.extOf().replicas = append(sec.ext.replicas, &regionLink{region: r.Region, kms: optStr(r.KmsKeyID), failed: r.FailedMessage})
	}
	if xr := fs.CrossAccountReplica; xr != nil {
		acct, ok := arnAccount(xr.ReplicaSecretARN, region)
		if !ok || acct == account {
			return fmt.Errorf("crossAccountReplica: %q is not a secret ARN of another account in %s", xr.ReplicaSecretARN, region)
		}
		st := types.StatusType(xr.Status)
		if st != types.StatusTypeInSync && st != types.StatusTypeDetached {
			return fmt.Errorf("crossAccountReplica: status %q is not InSync or Detached", xr.Status)
		}
		sec.extOf().xreplica = &accountLink{arn: xr.ReplicaSecretARN, role: optStr(xr.ReplicationRoleARN), status: st}
	}
	return nil
}
