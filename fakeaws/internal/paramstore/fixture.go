package paramstore

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/fixture"
	"github.com/fakeaws/fakeaws-go/fakeaws/internal/secrets"
)

// resourcePolicy is a resource policy attached to a parameter.
type resourcePolicy struct {
	id, hash, policy string
}

// Export returns the parameters as fixture entries, sorted by name (deep
// copies).
func (s *State) Export() []fixture.Parameter {
	out := make([]fixture.Parameter, 0, len(s.params))
	for p := s.index.seek(""); ; p = s.index.next(p) {
		name, ok := s.index.at(p)
		if !ok {
			break
		}
		out = append(out, exportParam(s.params[key(name)]))
	}
	return out
}

func exportParam(p *param) fixture.Parameter {
	fp := fixture.Parameter{Name: p.name, Versions: make([]fixture.ParameterVersion, len(p.versions))}
	for _, t := range p.tags {
		fp.Tags = append(fp.Tags, fixture.Tag{Key: aws.ToString(t.Key), Value: aws.ToString(t.Value)})
	}
	if p.policy != nil {
		fp.Policy = &fixture.ResourcePolicy{ID: p.policy.id, Hash: p.policy.hash, Policy: p.policy.policy}
	}
	for i, v := range p.versions {
		fp.Versions[i] = fixture.ParameterVersion{
			Version:          v.version,
			Type:             string(v.typ),
			Value:            v.value,
			Description:      v.description,
			KeyID:            v.keyID,
			AllowedPattern:   v.allowedPattern,
			DataType:         v.dataType,
			Tier:             string(v.tier),
			Policies:         v.policies,
			Labels:           slices.Clone(v.labels),
			LastModifiedDate: v.modified,
			LastModifiedUser: v.user,
		}
		if !utf8.ValidString(v.value) {
			fp.Versions[i].Value, fp.Versions[i].ValueBase64 = "", []byte(v.value)
		}
	}
	return fp
}

// Import builds a state from fixture parameters, reading references through
// secrets. It checks every entry (name rules, versions increasing 1..N
// without gaps beyond the 100 retained, types, tiers, value limits, labels
// unique per parameter and valid, at most ten per version, tags at most 50)
// and returns an error naming the offending entry without building anything
// on failure.
//
// Fields a fixture leaves out take PutParameter's defaults: tier Standard,
// data type text, SecureString key alias/aws/ssm, and the account's root user
// as LastModifiedUser.
func Import(account, region string, sm *secrets.State, params []fixture.Parameter) (*State, error) {
	s := New(account, region, sm)
	built := make([]*param, 0, len(params))
	for i := range params {
		fp := &params[i]
		p, err := s.importParam(fp)
		if err != nil {
			return nil, fmt.Errorf("parameter %q: %w", fp.Name, err)
		}
		k := key(p.name)
		if s.params[k] != nil {
			return nil, fmt.Errorf("parameter %q: listed twice (a single-level name with and without its leading slash is one parameter)", fp.Name)
		}
		s.params[k] = p
		built = append(built, p)
	}
	names := make([]string, len(built))
	for i, p := range built {
		names[i] = p.name
	}
	slices.Sort(names)
	for _, n := range names {
		s.index.insert(n)
	}
	return s, nil
}

// importParam checks one fixture parameter and builds it.
func (s *State) importParam(fp *fixture.Parameter) (*param, error) {
	name := fp.Name
	if name != trimName(name) {
		return nil, fmt.Errorf("name has leading or trailing spaces")
	}
	if err := s.checkPutName(name); err != nil {
		return nil, fmt.Errorf("name: %s", errText(err))
	}
	if len(fp.Versions) == 0 {
		return nil, fmt.Errorf("no versions")
	}
	if len(fp.Versions) > maxVersions {
		return nil, fmt.Errorf("%d versions: at most %d are retained", len(fp.Versions), maxVersions)
	}
	p := &param{name: name, arn: s.arn(name), versions: make([]*version, 0, len(fp.Versions))}
	// Tags: key 1–128, value 0–256 characters, keys unique, at most 50 (D).
	if len(fp.Tags) > maxTags {
		return nil, fmt.Errorf("%d tags: at most %d", len(fp.Tags), maxTags)
	}
	for i, t := range fp.Tags {
		tag := types.Tag{Key: aws.String(t.Key), Value: aws.String(t.Value)}
		if err := checkTags([]types.Tag{tag}, nil); err != nil {
			return nil, fmt.Errorf("tag %d: %s", i+1, errText(err))
		}
		if slices.ContainsFunc(p.tags, func(x types.Tag) bool { return *x.Key == t.Key }) {
			return nil, fmt.Errorf("tag %d: key %q given twice", i+1, t.Key)
		}
		p.tags = append(p.tags, tag)
	}
	first := fp.Versions[0].Version
	if first < 1 {
		return nil, fmt.Errorf("version %d: versions start at 1", first)
	}
	labels := map[string]int64{}
	var prev *version
	for i := range fp.Versions {
		fv := &fp.Versions[i]
		v, err := s.importVersion(fv, first+int64(i), prev, labels)
		if err != nil {
			return nil, fmt.Errorf("version %d: %w", fv.Version, err)
		}
		p.versions = append(p.versions, v)
		prev = v
	}
	if fp.Policy != nil {
		pol, err := importPolicy(p, fp.Policy)
		if err != nil {
			return nil, fmt.Errorf("resourcePolicy: %w", err)
		}
		p.policy = pol
	}
	if last := p.latest().version; first > 1 && last-first+1 < maxVersions {
		// Older versions are dropped only when the 101st is created (D).
		return nil, fmt.Errorf("versions %d to %d: versions before %d are missing, and AWS drops old versions only beyond the %d retained", first, last, first, maxVersions)
	}
	return p, nil
}

// importVersion checks and builds one version; want is the number it must
// carry, labels the labels seen on earlier versions of the parameter.
func (s *State) importVersion(fv *fixture.ParameterVersion, want int64, prev *version, labels map[string]int64) (*version, error) {
	if fv.Version != want {
		return nil, fmt.Errorf("versions must increase by one from the oldest retained (want %d)", want)
	}
	value := fv.Value
	if fv.ValueBase64 != nil {
		if value != "" {
			return nil, errors.New("value and valueBase64 go alone: give one")
		}
		value = string(fv.ValueBase64)
	}
	v := &version{
		version:        fv.Version,
		typ:            types.ParameterType(fv.Type),
		value:          value,
		description:    fv.Description,
		keyID:          fv.KeyID,
		allowedPattern: fv.AllowedPattern,
		dataType:       fv.DataType,
		tier:           types.ParameterTier(fv.Tier),
		policies:       fv.Policies,
		labels:         slices.Clone(fv.Labels),
		modified:       fv.LastModifiedDate.UTC().Truncate(time.Millisecond),
		user:           fv.LastModifiedUser,
	}
	if !slices.Contains(types.ParameterTypeString.Values(), v.typ) {
		return nil, fmt.Errorf("type %q: want String, StringList or SecureString", fv.Type)
	}
	if v.value == "" {
		return nil, fmt.Errorf("empty value")
	}
	if v.dataType == "" {
		v.dataType = "text"
	}
	if !slices.Contains(dataTypes, v.dataType) {
		return nil, fmt.Errorf("data type %q is not supported", v.dataType)
	}
	switch {
	case v.typ == types.ParameterTypeSecureString && v.keyID == "":
		v.keyID = defaultKeyID
	case v.typ != types.ParameterTypeSecureString && v.keyID != "":
		return nil, fmt.Errorf("keyId is for SecureString parameters only")
	}
	switch v.tier {
	case "":
		v.tier = types.ParameterTierStandard
	case types.ParameterTierStandard, types.ParameterTierAdvanced:
	default:
		// Intelligent-Tiering is a request, never a stored tier (D).
		return nil, fmt.Errorf("tier %q: want Standard or Advanced", fv.Tier)
	}
	if prev != nil && prev.tier == types.ParameterTierAdvanced && v.tier == types.ParameterTierStandard {
		return nil, fmt.Errorf("tier Standard after an Advanced version: AWS never downgrades a parameter")
	}
	if len(fv.Description) > 1024 {
		return nil, fmt.Errorf("description longer than 1024 characters")
	}
	if err := checkValue(v); err != nil {
		return nil, fmt.Errorf("value: %s", errText(err))
	}
	if v.modified.IsZero() {
		return nil, fmt.Errorf("lastModifiedDate missing")
	}
	if prev != nil && v.modified.Before(prev.modified) {
		return nil, fmt.Errorf("lastModifiedDate %s is before the previous version's", v.modified.Format(time.RFC3339Nano))
	}
	if v.user == "" {
		v.user = s.user
	}
	if len(v.labels) > maxLabels {
		return nil, fmt.Errorf("%d labels: at most %d per version", len(v.labels), maxLabels)
	}
	for _, l := range v.labels {
		if n := len([]rune(l)); n < 1 || n > 100 || !validLabel(l) {
			return nil, fmt.Errorf("label %q is not valid", l)
		}
		if at, ok := labels[l]; ok {
			return nil, fmt.Errorf("label %q is already on version %d: a label is unique in a parameter", l, at)
		}
		labels[l] = v.version
	}
	return v, nil
}

// errText is the message of an engine error.
func errText(err error) string {
	type messager interface{ ErrorMessage() string }
	if m, ok := err.(messager); ok {
		return m.ErrorMessage()
	}
	return strings.TrimSpace(err.Error())
}

// ReplaceWith makes s hold o's contents, in place (clients keep pointers to
// s); s keeps its own secrets pointer. o is not used afterwards.
func (s *State) ReplaceWith(o *State) {
	s.account, s.region, s.arnPrefix = o.account, o.region, o.arnPrefix
	s.params = o.params
	s.index = o.index
	s.settings = o.settings
}

// importPolicy checks a fixture's resource policy as PutResourcePolicy
// would (a JSON object, on an Advanced-tier parameter). A hash left out is
// computed; an ID left out is derived from the parameter's name, so that
// loading the same fixture twice gives the same ID.
func importPolicy(p *param, fp *fixture.ResourcePolicy) (*resourcePolicy, error) {
	var obj map[string]any
	if json.Unmarshal([]byte(fp.Policy), &obj) != nil || obj == nil {
		return nil, fmt.Errorf("policy is not a JSON object")
	}
	if p.latest().tier != types.ParameterTierAdvanced {
		return nil, fmt.Errorf("only Advanced-tier parameters take a resource policy")
	}
	pol := &resourcePolicy{id: fp.ID, hash: fp.Hash, policy: fp.Policy}
	if pol.hash == "" {
		pol.hash = policyHash(fp.Policy)
	}
	if pol.id == "" {
		h := policyHash(p.name)
		pol.id = h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
	}
	return pol, nil
}
