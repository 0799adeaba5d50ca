package sm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/internal/core"
	"github.com/fakeaws/fakeaws-go/internal/fixture"
)

// Export returns the state as fixture secrets, sorted by name (deep copies).
// Secrets whose recovery window has passed are still stored until a write
// purges them, and are exported as they are: Import gives them back, and
// reads treat them as absent on both sides.
func (s *State) Export() []fixture.Secret {
	out := make([]fixture.Secret, 0, len(s.byName))
	for _, sec := range s.byName {
		out = append(out, exportSecret(sec))
	}
	slices.SortFunc(out, func(a, b fixture.Secret) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func exportSecret(sec *secret) fixture.Secret {
	f := fixture.Secret{
		Name:             sec.name,
		ARN:              sec.arn,
		Description:      derefStr(sec.description),
		KmsKeyID:         derefStr(sec.kmsKeyID),
		CreatedDate:      sec.created,
		LastChangedDate:  copyTime(sec.changed),
		LastAccessedDate: dayTime(sec.accessed.Load()),
	}
	for _, t := range sec.tags {
		f.Tags = append(f.Tags, fixture.Tag{Key: derefStr(t.Key), Value: derefStr(t.Value)})
	}
	if sec.deleted != nil {
		f.DeletedDate = copyTime(*sec.deleted)
		f.DeletionDate = copyTime(sec.deletion)
	}
	if x := sec.ext; x != nil {
		f.ResourcePolicy = derefStr(x.policy)
		if r := x.rotation; r != nil {
			f.Rotation = &fixture.Rotation{
				Enabled:                r.enabled,
				LambdaARN:              r.lambdaARN,
				AutomaticallyAfterDays: r.afterDays,
				ScheduleExpression:     r.schedule,
				Duration:               r.duration,
			}
			if r.lastRotated != nil {
				f.Rotation.LastRotatedDate = copyTime(*r.lastRotated)
			}
		}
	}
	for _, v := range sec.order {
		fv := fixture.SecretVersion{
			VersionID:        v.id,
			SecretString:     copyStr(v.str),
			CreatedDate:      v.created,
			LastAccessedDate: dayTime(v.accessed.Load()),
		}
		if v.bin != nil {
			fv.SecretBinary = bytes.Clone(v.bin)
		}
		if len(v.stages) > 0 {
			fv.Stages = slices.Clone(v.stages)
		}
		f.Versions = append(f.Versions, fv)
	}
	return f
}

func derefStr(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// importTime normalizes a fixture time as the Store keeps times: UTC, to
// the millisecond.
func importTime(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// Import builds a state from fixture secrets. It checks every entry (names,
// ARNs, one label per version, version ids unique, values present and not
// both, dates) and returns an error naming the offending entry
// ("secret \"x\": version \"v\": ...") without building anything on
// failure. An empty ARN gets one with a generated suffix from ids.
//
// The checks are those AWS makes on the same data when it is written
// through the API (spec 3.2–3.5): a name of 1–512 allowed characters, a
// version id of 32–64 characters (a ClientRequestToken), a value of 1–65536
// bytes, labels of 1–256 characters each on at most one version, at most 50
// tags with unique keys, a resource policy that is JSON, rotation rules
// within RotateSecret's limits. Times are kept in UTC to the millisecond,
// LastAccessedDate to the day, as the Store keeps them.
func Import(account, region string, ids *core.IDs, secrets []fixture.Secret) (*State, error) {
	s := New(account, region)
	seen := make(map[string]bool, len(secrets))
	for i := range secrets {
		f := &secrets[i]
		if err := checkFixtureSecret(s, f, seen); err != nil {
			return nil, fmt.Errorf("secret %q: %w", f.Name, err)
		}
		seen[f.Name] = true
	}
	// Everything is valid: build in order of creation, so that the creation
	// index and the order of creation among equal dates follow the fixture.
	order := make([]int, len(secrets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return secrets[a].CreatedDate.Compare(secrets[b].CreatedDate)
	})
	env := core.Env{IDs: ids, Account: account, Region: region}
	for _, i := range order {
		s.add(importSecret(s, env, &secrets[i]))
	}
	return s, nil
}

func checkFixtureSecret(s *State, f *fixture.Secret, seen map[string]bool) error {
	if err := checkName(f.Name); err != nil {
		return fmt.Errorf("name: %w", err)
	}
	if seen[f.Name] {
		return fmt.Errorf("name: more than one secret has this name")
	}
	if f.ARN != "" {
		suffix, ok := strings.CutPrefix(f.ARN, s.prefix+f.Name+"-")
		if !ok || len(suffix) != 6 {
			return fmt.Errorf("arn %q: want %s%s-<6 characters> (the partition's ARN prefix, the name, a 6-character suffix)", f.ARN, s.prefix, f.Name)
		}
	}
	if err := checkMeta(strOrNil(f.Description), strOrNil(f.KmsKeyID)); err != nil {
		return err
	}
	tags := fixtureTags(f.Tags)
	if err := checkTags(tags); err != nil {
		return err
	}
	keys := map[string]bool{}
	for _, t := range f.Tags {
		if keys[t.Key] {
			return fmt.Errorf("tag %q: more than one tag has this key", t.Key)
		}
		keys[t.Key] = true
	}
	if f.CreatedDate.IsZero() {
		return fmt.Errorf("createdDate: missing")
	}
	if f.LastChangedDate != nil && f.LastChangedDate.Before(f.CreatedDate) {
		return fmt.Errorf("lastChangedDate %s: before createdDate %s", f.LastChangedDate.Format(time.RFC3339Nano), f.CreatedDate.Format(time.RFC3339Nano))
	}
	switch {
	case (f.DeletedDate == nil) != (f.DeletionDate == nil):
		return fmt.Errorf("deletedDate and deletionDate: give both (a secret scheduled for deletion) or neither")
	case f.DeletedDate != nil && f.DeletedDate.Before(f.CreatedDate):
		return fmt.Errorf("deletedDate %s: before createdDate", f.DeletedDate.Format(time.RFC3339Nano))
	case f.DeletedDate != nil && f.DeletionDate.Before(*f.DeletedDate):
		return fmt.Errorf("deletionDate %s: before deletedDate", f.DeletionDate.Format(time.RFC3339Nano))
	}
	if f.ResourcePolicy != "" && !json.Valid([]byte(f.ResourcePolicy)) {
		return fmt.Errorf("resourcePolicy: not valid JSON (MalformedPolicyDocumentException through the API)")
	}
	if r := f.Rotation; r != nil {
		if err := checkFixtureRotation(r); err != nil {
			return fmt.Errorf("rotation: %w", err)
		}
	}
	ids := make(map[string]bool, len(f.Versions))
	labels := map[string]string{}
	for j := range f.Versions {
		v := &f.Versions[j]
		if err := checkFixtureVersion(v, ids, labels); err != nil {
			return fmt.Errorf("version %q: %w", v.VersionID, err)
		}
	}
	return nil
}

func checkFixtureVersion(v *fixture.SecretVersion, ids map[string]bool, labels map[string]string) error {
	if v.VersionID == "" {
		return fmt.Errorf("versionId: missing")
	}
	if err := checkToken(&v.VersionID); err != nil {
		return fmt.Errorf("versionId: %w", err)
	}
	if ids[v.VersionID] {
		return fmt.Errorf("versionId: more than one version has this id")
	}
	ids[v.VersionID] = true
	if v.SecretString == nil && v.SecretBinary == nil {
		return fmt.Errorf("no value: give secretString or secretBinary")
	}
	if err := checkValue(v.SecretString, v.SecretBinary); err != nil {
		return err
	}
	if v.CreatedDate.IsZero() {
		return fmt.Errorf("createdDate: missing")
	}
	for k, label := range v.Stages {
		if err := checkStage(label, "versionStages"); err != nil {
			return fmt.Errorf("stage %q: %w", label, err)
		}
		if slices.Contains(v.Stages[:k], label) {
			return fmt.Errorf("stage %q: listed twice", label)
		}
		if other, ok := labels[label]; ok {
			return fmt.Errorf("stage %q: also on version %q (a label is on at most one version)", label, other)
		}
		labels[label] = v.VersionID
	}
	return nil
}

// checkFixtureRotation applies RotateSecret's limits (spec 3.5, D):
// AutomaticallyAfterDays 1–1000, ScheduleExpression 1–256 characters, not
// both, and, when enabled, a Lambda ARN and a schedule.
func checkFixtureRotation(r *fixture.Rotation) error {
	if r.AutomaticallyAfterDays != 0 && r.ScheduleExpression != "" {
		return fmt.Errorf("automaticallyAfterDays and scheduleExpression: give one, not both")
	}
	if r.AutomaticallyAfterDays != 0 && (r.AutomaticallyAfterDays < 1 || r.AutomaticallyAfterDays > 1000) {
		return fmt.Errorf("automaticallyAfterDays %d: want 1–1000", r.AutomaticallyAfterDays)
	}
	if r.Enabled && r.AutomaticallyAfterDays == 0 && r.ScheduleExpression == "" {
		return fmt.Errorf("enabled without automaticallyAfterDays or scheduleExpression")
	}
	if r.Enabled && r.LambdaARN == "" {
		return fmt.Errorf("enabled without lambdaArn")
	}
	return nil
}

func fixtureTags(tags []fixture.Tag) []types.Tag {
	if len(tags) == 0 {
		return nil
	}
	out := make([]types.Tag, len(tags))
	for i, t := range tags {
		k, v := t.Key, t.Value
		out[i] = types.Tag{Key: &k, Value: &v}
	}
	return out
}

// importSecret builds the secret f describes (already checked). env has no
// time: every date comes from f.
func importSecret(s *State, env core.Env, f *fixture.Secret) *secret {
	sec := s.newSecret(env, f.Name) // a fresh ARN and the order of creation
	if f.ARN != "" {
		sec.arn = f.ARN
	}
	sec.description = strOrNil(f.Description)
	sec.kmsKeyID = strOrNil(f.KmsKeyID)
	sec.tags = fixtureTags(f.Tags)
	sec.created = importTime(f.CreatedDate)
	sec.changed = sec.created
	if f.LastChangedDate != nil {
		sec.changed = importTime(*f.LastChangedDate)
	}
	if f.LastAccessedDate != nil {
		sec.accessed.Store(dayNumber(f.LastAccessedDate.UTC()))
	}
	if f.DeletedDate != nil {
		d := importTime(*f.DeletedDate)
		sec.deleted = &d
		sec.deletion = importTime(*f.DeletionDate)
	}
	if f.ResourcePolicy != "" {
		p := f.ResourcePolicy
		sec.extOf().policy = &p
	}
	if r := f.Rotation; r != nil {
		rot := &rotation{
			enabled:   r.Enabled,
			lambdaARN: r.LambdaARN,
			afterDays: r.AutomaticallyAfterDays,
			schedule:  r.ScheduleExpression,
			duration:  r.Duration,
		}
		if r.LastRotatedDate != nil {
			t := importTime(*r.LastRotatedDate)
			rot.lastRotated = &t
		}
		sec.extOf().rotation = rot
	}
	for j := range f.Versions {
		fv := &f.Versions[j]
		v := sec.addVersion(env, fv.VersionID, fv.SecretString, fv.SecretBinary)
		v.created = importTime(fv.CreatedDate)
		if fv.LastAccessedDate != nil {
			v.accessed.Store(dayNumber(fv.LastAccessedDate.UTC()))
		}
		for _, label := range fv.Stages {
			sec.attach(v, label)
		}
	}
	return sec
}

// ReplaceWith makes s hold o's contents, in place (clients keep pointers to
// s). o is not used afterwards.
func (s *State) ReplaceWith(o *State) {
	*s = *o
}
