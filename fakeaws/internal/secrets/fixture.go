package secrets

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// Export returns the stored secrets as fixture entries in order of
// creation (CreatedDate, then the order they were created in, which Import
// keeps for secrets listed in that order), versions oldest first (deep
// copies). A secret whose recovery window has
// passed but that no write has purged yet is still listed, with its
// DeletionDate; it is gone as soon as it is read.
func (s *State) Export() []fixture.Secret {
	out := make([]fixture.Secret, 0, len(s.byCreated))
	for _, sec := range s.byCreated {
		fs := fixture.Secret{
			Name:             sec.name,
			ARN:              sec.arn,
			Description:      aws.ToString(sec.description),
			KmsKeyID:         aws.ToString(sec.kmsKeyID),
			Type:             aws.ToString(sec.typ),
			CreatedDate:      sec.created,
			LastChangedDate:  copyTime(sec.changed),
			LastAccessedDate: dayTime(sec.accessed.Load()),
		}
		for _, t := range sec.tags {
			fs.Tags = append(fs.Tags, fixture.Tag{Key: aws.ToString(t.Key), Value: aws.ToString(t.Value)})
		}
		if sec.deleted != nil {
			fs.DeletedDate = copyTime(*sec.deleted)
			fs.DeletionDate = copyTime(sec.deletion)
		}
		sec.exportExt(&fs)
		for _, v := range sec.order {
			fv := fixture.SecretVersion{
				VersionID:        v.id,
				SecretString:     copyStr(v.str),
				SecretBinary:     cloneBytes(v.bin),
				Stages:           slices.Clone(v.stages),
				CreatedDate:      v.created,
				LastAccessedDate: dayTime(v.accessed.Load()),
			}
			if v.str != nil && !utf8.ValidString(*v.str) {
				fv.SecretString, fv.SecretStringBase64 = nil, []byte(*v.str)
			}
			fs.Versions = append(fs.Versions, fv)
		}
		out = append(out, fs)
	}
	return out
}

// Import builds a state from fixture secrets. It checks every entry (name
// rules, names and ARNs unique, an ARN of this partition ending in the name
// and a suffix, values as CreateSecret takes them, version IDs unique, each
// label on one version only, tags as TagResource takes them, deletion dates
// together) and returns an error naming the offending entry without
// building anything on failure. A secret without an ARN gets one with a
// suffix from ids; without LastChangedDate it is the CreatedDate. A
// resource policy must be JSON, a rotation configuration within
// RotateSecret's limits (ext.go).
func Import(account, region string, ids *core.IDs, secrets []fixture.Secret) (*State, error) {
	s := New(account, region)
	env := core.Env{IDs: ids, Account: account, Region: region}
	built := make([]*secret, 0, len(secrets))
	for i := range secrets {
		fs := &secrets[i]
		sec, err := s.importSecret(env, fs)
		if err != nil {
			return nil, fmt.Errorf("secret %q: %w", fs.Name, err)
		}
		if s.byName[sec.name] != nil {
			return nil, fmt.Errorf("secret %q: listed twice", fs.Name)
		}
		if s.byARN[sec.arn] != nil {
			return nil, fmt.Errorf("secret %q: ARN %s listed twice", fs.Name, sec.arn)
		}
		s.byName[sec.name], s.byARN[sec.arn] = sec, sec
		built = append(built, sec)
	}
	// Creation order: by CreatedDate, then as listed.
	slices.SortStableFunc(built, func(a, b *secret) int { return a.created.Compare(b.created) })
	for _, sec := range built {
		s.created++
		sec.order64 = s.created
		s.names.Insert(sec.name)
		s.byCreated = append(s.byCreated, sec)
		s.createdHeads = append(s.createdHeads, headOf(sec.name))
	}
	return s, nil
}

func (s *State) importSecret(env core.Env, fs *fixture.Secret) (*secret, error) {
	if err := checkName(fs.Name); err != nil {
		return nil, fmt.Errorf("name: %s", errText(err))
	}
	if fs.CreatedDate.IsZero() {
		return nil, errors.New("no createdDate")
	}
	desc, kms := optStr(fs.Description), optStr(fs.KmsKeyID)
	if err := checkMeta(desc, kms); err != nil {
		return nil, errors.New(errText(err))
	}
	if kms != nil && *kms == defaultKmsKey {
		kms = nil
	}
	sec := &secret{
		name: fs.Name, arn: fs.ARN, description: desc, kmsKeyID: kms, typ: optStr(fs.Type),
		created: ms(fs.CreatedDate), changed: ms(fs.CreatedDate),
		versions: map[string]*version{}, labels: map[string]*version{},
	}
	if sec.arn == "" {
		sec.arn = s.prefix + fs.Name + "-" + env.IDs.ARNSuffix()
	} else if rest, ok := strings.CutPrefix(sec.arn, s.prefix+fs.Name+"-"); !ok || rest == "" || strings.ContainsAny(rest, "/:") {
		return nil, fmt.Errorf("ARN %s is not %s%s-<suffix>", sec.arn, s.prefix, fs.Name)
	}
	if fs.LastChangedDate != nil {
		sec.changed = ms(*fs.LastChangedDate)
	}
	if fs.LastAccessedDate != nil {
		sec.accessed.Store(dayNumber(*fs.LastAccessedDate))
	}
	if (fs.DeletedDate == nil) != (fs.DeletionDate == nil) {
		return nil, errors.New("deletedDate and deletionDate go together")
	}
	if fs.DeletedDate != nil {
		s.schedule(sec, ms(*fs.DeletedDate), ms(*fs.DeletionDate))
	}
	tags := make([]types.Tag, len(fs.Tags))
	for i, t := range fs.Tags {
		tags[i] = types.Tag{Key: aws.String(t.Key), Value: aws.String(t.Value)}
	}
	if err := checkTags(tags); err != nil {
		return nil, fmt.Errorf("tags: %s", errText(err))
	}
	sec.tags = mergeTags(nil, tags)
	if len(sec.tags) != len(tags) {
		return nil, errors.New("a tag key is listed twice")
	}
	if err := sec.importExt(fs); err != nil {
		return nil, err
	}
	for j := range fs.Versions {
		fv := &fs.Versions[j]
		if len(fv.VersionID) < 1 || len(fv.VersionID) > 64 {
			return nil, fmt.Errorf("version %d: versionId must be 1-64 characters", j)
		}
		if sec.versions[fv.VersionID] != nil {
			return nil, fmt.Errorf("version %s listed twice", fv.VersionID)
		}
		str := fv.SecretString
		if fv.SecretStringBase64 != nil {
			if str != nil {
				return nil, fmt.Errorf("version %s: secretString and secretStringBase64 go alone: give one", fv.VersionID)
			}
			str = aws.String(string(fv.SecretStringBase64))
		}
		if err := checkValue(str, fv.SecretBinary); err != nil {
			return nil, fmt.Errorf("version %s: %s", fv.VersionID, errText(err))
		}
		v := sec.addVersion(core.Env{Now: ms(fv.CreatedDate)}, fv.VersionID, str, fv.SecretBinary)
		for _, st := range fv.Stages {
			if err := checkStage(st, "stage"); err != nil {
				return nil, fmt.Errorf("version %s: %s", fv.VersionID, errText(err))
			}
			if sec.labels[st] != nil {
				return nil, fmt.Errorf("version %s: label %s is already on version %s", fv.VersionID, st, sec.labels[st].id)
			}
			sec.attach(v, st)
		}
		if fv.LastAccessedDate != nil {
			v.accessed.Store(dayNumber(*fv.LastAccessedDate))
		}
	}
	if len(fs.Versions) > 0 && sec.labels[stageCurrent] == nil {
		// No operation leaves a secret with versions and no AWSCURRENT:
		// UpdateSecretVersionStage can only move it (docs/aws-behaviour.md §3.5).
		return nil, fmt.Errorf("no version is labelled %s: a secret with versions has one", stageCurrent)
	}
	return sec, nil
}

// ReplaceWith makes s hold o's contents, in place (clients keep pointers to
// s). o is not used afterwards.
func (s *State) ReplaceWith(o *State) {
	s.account, s.region, s.prefix = o.account, o.region, o.prefix
	s.byName, s.byARN = o.byName, o.byARN
	s.names, s.byCreated, s.created = o.names, o.byCreated, o.created
	s.createdHeads = o.createdHeads
	s.touched = nil
	if s.delay != 0 {
		// o was built without the deletion delay s keeps.
		for _, sec := range s.byName {
			if sec.deleted != nil {
				sec.purge = sec.deletion.Add(s.delay)
			}
		}
	}
}

func optStr(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

func ms(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// errText returns an API error's message, or the error's text.
func errText(err error) string {
	var api smithy.APIError
	if errors.As(err, &api) {
		return api.ErrorMessage()
	}
	return err.Error()
}

// ReplicaLink is a replica's link to its primary, for the checks that span
// partitions (engine.Import).
type ReplicaLink struct {
	Name, ARN, PrimaryARN string
}

// Replicas returns the link of every replica in s (region or cross-account)
// to its primary, in name order.
func (s *State) Replicas() []ReplicaLink {
	var out []ReplicaLink
	for i := range s.names.Len() {
		sec := s.byName[s.names.At(i)]
		if sec.ext != nil && sec.ext.primary != nil {
			out = append(out, ReplicaLink{Name: sec.name, ARN: sec.arn, PrimaryARN: sec.ext.primary.arn})
		}
	}
	return out
}
