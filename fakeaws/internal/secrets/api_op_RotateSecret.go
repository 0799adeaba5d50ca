package secrets

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// RotateSecret declares Secrets Manager's RotateSecret.
var RotateSecret = &op[secretsmanager.RotateSecretInput, secretsmanager.RotateSecretOutput]{
	Op:       action("RotateSecret"),
	Write:    true,
	Validate: validateRotateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RotateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	// The fake client runs a copy whose Run keeps the rotation plan, and
	// then calls the rotation function outside the lock.
	Run: func(s *State, env core.Env, in *secretsmanager.RotateSecretInput) (*secretsmanager.RotateSecretOutput, error) {
		out, _, err := s.RotateSecret(env, in, func(string) bool { return false })
		return out, err
	},
}

// CancelRotateSecret declares Secrets Manager's CancelRotateSecret.
var CancelRotateSecret = &op[secretsmanager.CancelRotateSecretInput, secretsmanager.CancelRotateSecretOutput]{
	Op:       action("CancelRotateSecret"),
	Write:    true,
	Validate: validateCancelRotateSecretInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.CancelRotateSecretInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).CancelRotateSecret,
}

// Limits of RotateSecret's members (the API model, D, as the SDK's doc
// comments and the model give them).
const (
	maxLambdaARNLen  = 2048
	maxScheduleLen   = 256
	minRotationDays  = 1
	maxRotationDays  = 1000
	minDurationLen   = 2
	maxDurationLen   = 3
	dayWindowClosing = 24*time.Hour - time.Second
)

// Rotation errors (docs/aws-behaviour.md §3.5).

// errNoLambda: AWS's documented text, quoted by moto (docs/aws-behaviour.md §3.5; moto drops
// the space before "and").
func errNoLambda() error {
	return &types.InvalidRequestException{Message: aws.String("You tried to enable rotation on a secret that doesn't already have a Lambda function ARN configured and you didn't include such an ARN as a parameter in this call.")}
}

// errLambdaNotInvokable: a Lambda ARN with no function behind it. AWS checks
// that it may invoke the function when the ARN is set (AWS troubleshooting
// guide: "I get access denied when trying to configure rotation"); the text
// is the one real error logs show (O). Secrets Manager's model does not
// type AccessDeniedException.
func errLambdaNotInvokable() error {
	return core.APIError("AccessDeniedException", "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.")
}

// errRotationInProgress: AWSPENDING on a version other than AWSCURRENT's
// (RotateSecret doc, D: "any later invocation of RotateSecret assumes that a
// previous rotation request is still in progress and returns an error"; the
// text as real error logs show it, O).
func errRotationInProgress() error {
	return &types.InvalidRequestException{Message: aws.String("A previous rotation isn't complete. That rotation will be reattempted.")}
}

// RotationPlan is what RotateSecret leaves to its caller, to be done outside
// the Store's lock: call the rotation function with LambdaARN for each step,
// with the secret's ARN and Token. Run is false when nothing is to be called
// (RotateImmediately false).
type RotationPlan struct {
	Run       bool
	TestOnly  bool // run testSecret only, then EndRotationTest
	LambdaARN string
	ARN       string
	Token     string
}

// RotateSecret validates and records a secret's rotation configuration
// (docs/aws-behaviour.md §3.5). With RotateImmediately (the default) it starts a rotation: a
// new version whose ID is the ClientRequestToken (generated when nil, as the
// SDK does) gets AWSPENDING and no value yet; the caller then runs the
// rotation function's four steps (RotationPlan), which fill it in and move
// AWSCURRENT to it as AWS's templates do. known reports whether a rotation
// function is registered under a Lambda ARN.
//
// Errors: the Lambda ARN over 2048 characters and AutomaticallyAfterDays
// outside 1–1000 (InvalidParameterException, M texts); both
// AutomaticallyAfterDays and ScheduleExpression (D, text U); no Lambda ARN
// given or configured (InvalidRequestException, D); an ARN with no function
// (AccessDeniedException, O); a rotation in progress, that is AWSPENDING on
// a version other than AWSCURRENT's (InvalidRequestException, D; moto has
// this check the wrong way round); a secret scheduled for deletion.
func (s *State) RotateSecret(env core.Env, in *secretsmanager.RotateSecretInput, known func(lambdaARN string) bool) (*secretsmanager.RotateSecretOutput, RotationPlan, error) {
	var plan RotationPlan
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, plan, err
	}
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, plan, err
	}
	if in.RotationLambdaARN != nil && len(*in.RotationLambdaARN) > maxLambdaARNLen {
		return nil, plan, invalidParam("RotationLambdaARN must <= 2048 characters long.") // M
	}
	if err := checkRotationRules(in.RotationRules); err != nil {
		return nil, plan, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, plan, err
	}
	lambda := aws.ToString(in.RotationLambdaARN)
	if lambda == "" && sec.ext != nil && sec.ext.rotation != nil {
		lambda = sec.ext.rotation.lambdaARN
	}
	if lambda == "" {
		return nil, plan, errNoLambda()
	}
	if !known(lambda) {
		return nil, plan, errLambdaNotInvokable()
	}
	immediately := in.RotateImmediately == nil || *in.RotateImmediately
	cur := sec.labels[stageCurrent]
	pending := sec.labels[stagePending]
	// RotateImmediately=false tests the configuration with the function's
	// testSecret step on a passing AWSPENDING version (D); there is nothing
	// to test without a current value, nor while a rotation is in progress
	// (U).
	test := !immediately && cur != nil && cur.hasValue() && (pending == nil || pending == cur)
	tok := ""
	if immediately || test {
		if immediately && pending != nil && pending != cur {
			return nil, plan, errRotationInProgress()
		}
		tok = token(env, in.ClientRequestToken)
		if v := sec.versions[tok]; v != nil {
			return nil, plan, errTokenInUse(tok, sec.arn)
		}
	}

	// Everything is checked: record the configuration, then start.
	x := sec.extOf()
	r := x.rotation
	if r == nil {
		r = &rotation{}
		x.rotation = r
	}
	r.enabled = true
	r.lambdaARN = lambda
	if rr := in.RotationRules; rr != nil {
		r.afterDays = aws.ToInt64(rr.AutomaticallyAfterDays)
		r.schedule = aws.ToString(rr.ScheduleExpression)
		r.duration = aws.ToString(rr.Duration)
	}
	r.from = env.Now
	if r.lastRotated != nil {
		r.from = *r.lastRotated
	}
	sec.changed = env.Now // U: AWS probably counts a rotation change (docs/aws-behaviour.md §3.7)
	out := &secretsmanager.RotateSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	if test {
		// "This test creates an AWSPENDING version of the secret and then
		// removes it" (RotateImmediately doc, D): a copy of the current
		// value, which EndRotationTest removes after testSecret.
		v := sec.addVersion(env, tok, cur.str, cur.bin)
		sec.attach(v, stagePending)
		return out, RotationPlan{Run: true, TestOnly: true, LambdaARN: lambda, ARN: sec.arn, Token: tok}, nil
	}
	if !immediately {
		return out, plan, nil
	}
	v := sec.addVersion(env, tok, nil, nil)
	sec.attach(v, stagePending)
	sec.prune(env.Now)
	out.VersionId = aws.String(tok)
	return out, RotationPlan{Run: true, LambdaARN: lambda, ARN: sec.arn, Token: tok}, nil
}

// checkRotationRules: AutomaticallyAfterDays 1–1000 (M text), not together
// with ScheduleExpression (D, text U), ScheduleExpression 1–256 and
// Duration 2–3 characters (the API model, D).
func checkRotationRules(rr *types.RotationRulesType) error {
	if rr == nil {
		return nil
	}
	if d := rr.AutomaticallyAfterDays; d != nil && (*d < minRotationDays || *d > maxRotationDays) {
		return invalidParam("RotationRules.AutomaticallyAfterDays must be within 1-1000.")
	}
	if rr.AutomaticallyAfterDays != nil && rr.ScheduleExpression != nil {
		return invalidParam("You can't specify both AutomaticallyAfterDays and ScheduleExpression in RotationRules.") // U
	}
	if e := rr.ScheduleExpression; e != nil {
		if len(*e) < 1 {
			return tooShort(*e, "rotationRules.scheduleExpression", 1)
		}
		if len(*e) > maxScheduleLen {
			return tooLong(*e, "rotationRules.scheduleExpression", maxScheduleLen)
		}
	}
	if d := rr.Duration; d != nil {
		if len(*d) < minDurationLen {
			return tooShort(*d, "rotationRules.duration", minDurationLen)
		}
		if len(*d) > maxDurationLen {
			return tooLong(*d, "rotationRules.duration", maxDurationLen)
		}
	}
	return nil
}

// rotated records a completed rotation: AWSCURRENT has moved to the version
// that had AWSPENDING (a rotation function's finishSecret step). The write
// lock must be held.
func (sec *secret) rotated(now time.Time) {
	if sec.ext == nil || sec.ext.rotation == nil {
		return
	}
	r := sec.ext.rotation
	t := now
	r.lastRotated = &t
	r.from = now
}

// next returns NextRotationDate: the end of the day window AutomaticallyAfterDays
// (or rate(N days)) after the last rotation, or N hours after it for
// rate(N hours) (RotationRulesType doc, D: "Secrets Manager calculates the
// next rotation date based on the previous rotation"; AWS picks the hour
// within the window at random, the fake gives the window's close, U). For
// cron() schedules, the close of the first window after the last rotation
// (cron.go); nil for a cron() the fake does not read.
func (r *rotation) next() *time.Time {
	if c, ok := parseCron(r.schedule); ok {
		start, ok := c.after(r.from)
		if !ok {
			return nil
		}
		t := c.windowClose(start, r.duration)
		return &t
	}
	days := r.afterDays
	var hours int64
	if n, unit, ok := parseRate(r.schedule); ok {
		switch unit {
		case "day", "days":
			days = n
		case "hour", "hours":
			hours = n
		}
	}
	var t time.Time
	switch {
	case days > 0:
		t = r.from.UTC().Truncate(24*time.Hour).AddDate(0, 0, int(days)).Add(dayWindowClosing)
	case hours > 0:
		t = r.from.UTC().Truncate(time.Hour).Add(time.Duration(hours) * time.Hour)
	default:
		return nil
	}
	return &t
}

// parseRate reads "rate(N unit)".
func parseRate(expr string) (int64, string, bool) {
	body, ok := strings.CutPrefix(expr, "rate(")
	if !ok {
		return 0, "", false
	}
	body, ok = strings.CutSuffix(body, ")")
	if !ok {
		return 0, "", false
	}
	num, unit, ok := strings.Cut(strings.TrimSpace(body), " ")
	if !ok {
		return 0, "", false
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return 0, "", false
	}
	return n, strings.TrimSpace(unit), true
}

// CancelRotateSecret turns automatic rotation off and keeps the Lambda ARN
// (docs/aws-behaviour.md §3.5, M). If a rotation is in progress (AWSPENDING on a version other
// than AWSCURRENT's) its version's ID is returned, and the labels are left
// as they are (CancelRotateSecret doc, D: "You might need to remove the
// staging label AWSPENDING from the partially created version"). A secret
// without a configured Lambda gets the text AWS documents (docs/aws-behaviour.md §3.5); a
// secret scheduled for deletion, moto's text (M).
func (s *State) CancelRotateSecret(env core.Env, in *secretsmanager.CancelRotateSecretInput) (*secretsmanager.CancelRotateSecretOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec, err := s.primaryForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if sec.deleted != nil {
		return nil, errAlreadyDeleted()
	}
	if sec.ext == nil || sec.ext.rotation == nil || sec.ext.rotation.lambdaARN == "" {
		return nil, errNoLambda()
	}
	sec.ext.rotation.enabled = false
	sec.changed = env.Now // U (docs/aws-behaviour.md §3.7)
	out := &secretsmanager.CancelRotateSecretOutput{ARN: aws.String(sec.arn), Name: aws.String(sec.name)}
	if p := sec.labels[stagePending]; p != nil && p != sec.labels[stageCurrent] {
		out.VersionId = aws.String(p.id)
	}
	return out, nil
}

// fillPending gives v, the value-less version RotateSecret made, its value:
// PutSecretValue with the rotation's token, as a rotation function's
// createSecret step calls it (AWS's rotation templates; moto does the same,
// docs/aws-behaviour.md §3.4). The labels are handled as for a new version (docs/aws-behaviour.md §3.3). The
// write lock must be held; the value has been checked.
func (sec *secret) fillPending(env core.Env, v *version, str *string, bin []byte, stages []string) *secretsmanager.PutSecretValueOutput {
	if str != nil {
		c := *str
		v.str = &c
	}
	if bin != nil {
		v.bin = append([]byte(nil), bin...)
	}
	if stages == nil {
		stages = []string{stageCurrent}
	}
	for _, st := range stages {
		if st == stageCurrent {
			sec.makeCurrent(v)
		} else {
			sec.attach(v, st)
		}
	}
	sec.changed = env.Now
	return putOutput(sec, v)
}

// EndRotationTest removes the version a RotateImmediately=false test made
// (tok, in the secret arn names), unless the rotation function has given it
// a label other than AWSPENDING. The write lock must be held.
func (s *State) EndRotationTest(arn, tok string) {
	sec := s.byARN[arn]
	if sec == nil {
		return
	}
	v := sec.versions[tok]
	if v == nil || len(v.stages) != 1 || v.stages[0] != stagePending {
		return
	}
	sec.detach(v, stagePending)
	delete(sec.versions, tok)
	if i := slices.Index(sec.order, v); i >= 0 {
		sec.order = slices.Delete(sec.order, i, i+1)
	}
	if sec.hasReplicas() {
		s.touched = append(s.touched, sec)
	}
}
