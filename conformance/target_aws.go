package conformance

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	smtypes "github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
)

// The environment variables of the real-AWS target.
const (
	// AWSEnv set to 1 turns the real-AWS target on; unset, it skips (also
	// in CI: it needs an account).
	AWSEnv = "FAKEAWS_CONFORMANCE_AWS"
	// AWSRecordEnv names a folder (testdata/recorded/<date>, say) to write
	// AWS's raw answers into as golden files.
	AWSRecordEnv = "FAKEAWS_CONFORMANCE_AWS_RECORD"
)

// Loose is a Target whose answers carry values no scenario scripts: real
// AWS keeps its own clock. RunScenario adds its options to CompareOptions.
type Loose interface {
	Target
	LooseOptions() []cmp.Option
}

// AWSOptions configure NewAWS.
type AWSOptions struct {
	// Endpoint, when set, receives every call instead of AWS (a loopback
	// server standing in for AWS, in this package's tests).
	Endpoint string
	// Record, when set, is a folder: each successful answer's raw body is
	// written to <Record>/<scenario>/<NN>-<service>-<op>.json, with the
	// prefix, the account and the secrets' ARN suffixes put back to the
	// scenario's, so the file compares with the scenario as it stands.
	Record string
	// LoadOptions are passed to config.LoadDefaultConfig (the default
	// credential chain: environment, shared files, SSO, instance roles).
	LoadOptions []func(*config.LoadOptions) error
}

// AWS is the target of real AWS, through the Go SDK clients on the default
// credential chain, in the scenario's Region. It runs only when the
// environment variable FAKEAWS_CONFORMANCE_AWS is 1 (it skips otherwise,
// CI or not) and records AWS's answers when FAKEAWS_CONFORMANCE_AWS_RECORD
// names a folder:
//
//	FAKEAWS_CONFORMANCE_AWS=1 FAKEAWS_CONFORMANCE_AWS_RECORD=$PWD/conformance/testdata/recorded/aws \
//	    go test ./conformance -run TestConformanceAWS
//
// See NewAWS for what it does to the account.
func AWS(tb testing.TB, env Env) Target {
	tb.Helper()
	if os.Getenv(AWSEnv) != "1" {
		tb.Skipf("the real-AWS target runs only with %s=1 (it creates and deletes resources in the account of the default credentials)", AWSEnv)
	}
	return NewAWS(AWSOptions{Record: os.Getenv(AWSRecordEnv)})(tb, env)
}

// NewAWS returns the factory of the real-AWS target. Each target (one per
// scenario) works under a prefix of its own, "fakeaws-<8 hex digits>":
// parameter names become /<prefix>/<name>, secret names <prefix>/<name>,
// DescribeParameters and ListSecrets are limited to the prefix, and on
// cleanup every parameter and secret under the prefix is deleted (secrets
// without a recovery window). Answers are read back as the scenario wrote
// them: the prefix taken out, the account (from sts:GetCallerIdentity) and
// the secrets' ARN suffixes replaced by the scenario's. AWS keeps its own
// clock: SetTime does nothing, and times compare by presence only (Loose),
// as do the dates inside SourceResult.
func NewAWS(o AWSOptions) Factory {
	return func(tb testing.TB, env Env) Target {
		tb.Helper()
		ctx := context.Background()
		cfg, err := config.LoadDefaultConfig(ctx, o.LoadOptions...)
		if err != nil {
			tb.Fatalf("AWS target: the default configuration: %v", err)
		}
		cfg.Region = env.Region
		if o.Endpoint != "" {
			cfg.BaseEndpoint = aws.String(o.Endpoint)
		}
		next := cfg.HTTPClient
		if next == nil {
			next = awshttp.NewBuildableClient()
		}
		tap := &bodyRecorder{next: next}
		cfg.HTTPClient = tap
		who, err := sts.NewFromConfig(cfg).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		if err != nil {
			tb.Fatalf("AWS target: sts:GetCallerIdentity: %v", err)
		}
		var b [4]byte
		if _, err := rand.Read(b[:]); err != nil {
			tb.Fatal(err)
		}
		a := &awsTarget{
			ssmc:    ssm.NewFromConfig(cfg),
			smc:     secretsmanager.NewFromConfig(cfg),
			wire:    tap,
			prefix:  "fakeaws-" + hex.EncodeToString(b[:]),
			account: aws.ToString(who.Account),
			env:     env,
			suffix:  map[string]string{},
			record:  o.Record,
			name:    scenarioName(tb.Name()),
		}
		tb.Cleanup(func() {
			if err := a.cleanup(context.Background()); err != nil {
				tb.Errorf("AWS target: deleting what %s made: %v", a.prefix, err)
			}
		})
		return a
	}
}

func scenarioName(testName string) string {
	name := testName[strings.LastIndexByte(testName, '/')+1:]
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			return r
		}
		return '_'
	}, name)
}

type awsTarget struct {
	ssmc    *ssm.Client
	smc     *secretsmanager.Client
	wire    *bodyRecorder
	prefix  string
	account string // the real account
	env     Env
	record  string
	name    string // the scenario's, for recordings

	mu     sync.Mutex
	suffix map[string]string // real ARN suffix → the scenario's
	step   int
	last   []byte
}

func (a *awsTarget) Call(ctx context.Context, svc Service, op string, in any) (any, error) {
	in, err := a.rewrite(svc, op, in)
	if err != nil {
		return nil, err
	}
	var out any
	switch svc {
	case SSM:
		out, err = call(ctx, a.ssmc, op, in)
	case SecretsManager:
		out, err = call(ctx, a.smc, op, in)
	default:
		return nil, fmt.Errorf("unknown service %q", svc)
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.step++
	a.last = nil
	if err != nil {
		var api smithy.APIError
		if errors.As(err, &api) {
			return nil, &smithy.GenericAPIError{Code: api.ErrorCode(), Message: a.normalise(api.ErrorMessage()), Fault: api.ErrorFault()}
		}
		return nil, err
	}
	a.last = []byte(a.normalise(string(a.wire.lastBody())))
	if a.record != "" {
		path := filepath.Join(a.record, a.name, fmt.Sprintf("%02d-%s-%s.json", a.step, svc, kebab(op)))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, a.last, 0o644); err != nil {
			return nil, err
		}
	}
	// The output read back as the scenario wrote it: the normalised body,
	// decoded into the output type (a fresh value: nothing of the
	// prefix survives in it).
	fresh := reflect.New(reflect.TypeOf(out).Elem()).Interface()
	if err := endpoint.DecodeJSON(a.last, fresh); err != nil {
		return nil, fmt.Errorf("AWS answered %s: %v", a.last, err)
	}
	return fresh, nil
}

// LastAnswer returns the raw body of the last successful answer, normalised
// as the recordings are.
func (a *awsTarget) LastAnswer() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return bytes.Clone(a.last)
}

// SetTime does nothing: AWS keeps its own clock (times compare loosely).
func (a *awsTarget) SetTime(time.Time) error { return nil }

// LooseOptions compare times by presence, and SourceResult strings without
// their createdDate.
func (a *awsTarget) LooseOptions() []cmp.Option {
	return []cmp.Option{
		cmp.Comparer(func(x, y time.Time) bool { return x.IsZero() == y.IsZero() }),
		cmp.FilterPath(func(p cmp.Path) bool {
			f, ok := p.Last().(cmp.StructField)
			return ok && f.Name() == "SourceResult"
		}, cmp.Comparer(func(x, y *string) bool {
			if x == nil || y == nil {
				return x == y
			}
			return createdDate.ReplaceAllString(*x, `"createdDate":""`) == createdDate.ReplaceAllString(*y, `"createdDate":""`)
		})),
	}
}

var createdDate = regexp.MustCompile(`"createdDate":"[^"]*"`)

// secretARN finds a secret ARN's name part and its six-character suffix.
var secretARN = regexp.MustCompile(`(arn:[a-z-]+:secretsmanager:[a-z0-9-]*:[0-9]*:secret:[^"\s]*)-([A-Za-z0-9]{6})`)

// normalise puts a text AWS wrote back in the scenario's terms. It is
// called with a.mu held.
func (a *awsTarget) normalise(s string) string {
	s = strings.ReplaceAll(s, a.prefix+"/", "")
	s = strings.ReplaceAll(s, a.prefix+"-", "")
	if a.account != "" && a.account != a.env.Account {
		s = strings.ReplaceAll(s, ":"+a.account+":", ":"+a.env.Account+":")
	}
	if len(a.env.ARNSuffixes) == 0 {
		return s
	}
	return secretARN.ReplaceAllStringFunc(s, func(m string) string {
		sub := secretARN.FindStringSubmatch(m)
		want, ok := a.suffix[sub[2]]
		if !ok {
			if len(a.suffix) >= len(a.env.ARNSuffixes) {
				return m // more secrets than scripted suffixes: left as AWS wrote it
			}
			want = a.env.ARNSuffixes[len(a.suffix)]
			a.suffix[sub[2]] = want
		}
		return sub[1] + "-" + want
	})
}

// rewrite returns a copy of in with the scenario's names moved under the
// prefix (in itself is shared by every target and is not changed).
func (a *awsTarget) rewrite(svc Service, op string, in any) (any, error) {
	ser, ok := in.(smithy.Serializable)
	if !ok {
		return nil, fmt.Errorf("input %T is not an SDK input", in)
	}
	cp := reflect.New(reflect.TypeOf(in).Elem())
	if err := endpoint.DecodeJSON(endpoint.EncodeJSON(ser), cp.Interface()); err != nil {
		return nil, fmt.Errorf("copying %T: %v", in, err)
	}
	v := cp.Elem()
	a.mu.Lock()
	defer a.mu.Unlock()
	name := a.parameter
	if svc == SecretsManager {
		name = a.secret
	}
	for _, f := range []string{"Name", "Path", "ResourceId", "SecretId"} {
		if fv := v.FieldByName(f); fv.IsValid() && fv.Type() == reflect.TypeFor[*string]() && !fv.IsNil() {
			fv.Set(reflect.ValueOf(aws.String(name(fv.Elem().String()))))
		}
	}
	for _, f := range []string{"Names", "SecretIdList"} {
		if fv := v.FieldByName(f); fv.IsValid() && fv.Type() == reflect.TypeFor[[]string]() {
			for i := range fv.Len() {
				fv.Index(i).SetString(name(fv.Index(i).String()))
			}
		}
	}
	switch x := cp.Interface().(type) {
	case *ssm.DescribeParametersInput:
		limited := false
		for i, f := range x.ParameterFilters {
			if k := aws.ToString(f.Key); k == "Name" || k == "Path" {
				for j := range f.Values {
					x.ParameterFilters[i].Values[j] = a.parameter(f.Values[j])
				}
				limited = limited || k == "Name"
			}
		}
		if !limited {
			x.ParameterFilters = append(x.ParameterFilters, ssmtypes.ParameterStringFilter{
				Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{"/" + a.prefix + "/"}})
		}
	case *secretsmanager.ListSecretsInput:
		x.Filters = a.secretFilters(x.Filters)
	case *secretsmanager.BatchGetSecretValueInput:
		if len(x.Filters) > 0 {
			x.Filters = a.secretFilters(x.Filters)
		}
	}
	return cp.Interface(), nil
}

func (a *awsTarget) secretFilters(fs []smtypes.Filter) []smtypes.Filter {
	limited := false
	for i, f := range fs {
		if f.Key == smtypes.FilterNameStringTypeName {
			for j := range f.Values {
				fs[i].Values[j] = a.secret(f.Values[j])
			}
			limited = true
		}
	}
	if !limited {
		fs = append(fs, smtypes.Filter{Key: smtypes.FilterNameStringTypeName, Values: []string{a.prefix + "/"}})
	}
	return fs
}

const referencePrefix = "/aws/reference/secretsmanager/"

// parameter moves a parameter name (or path, or ARN) under the prefix.
func (a *awsTarget) parameter(n string) string {
	switch {
	case strings.HasPrefix(n, referencePrefix):
		return referencePrefix + a.secret(strings.TrimPrefix(n, referencePrefix))
	case strings.HasPrefix(n, "/aws/"):
		return n // public parameters
	case strings.HasPrefix(n, "arn:"):
		head, name, ok := strings.Cut(a.realAccount(n), ":parameter/")
		if !ok {
			return n
		}
		return head + ":parameter/" + a.prefix + "/" + name
	case strings.HasPrefix(n, "/"):
		return "/" + a.prefix + n
	}
	return a.prefix + "-" + n
}

// secret moves a secret name under the prefix, and turns a scenario's
// secret ARN into AWS's.
func (a *awsTarget) secret(n string) string {
	if !strings.HasPrefix(n, "arn:") {
		return a.prefix + "/" + n
	}
	n = a.realAccount(n)
	if m := secretARN.FindStringSubmatch(n); m != nil {
		head, name, _ := strings.Cut(m[1], ":secret:")
		suffix := m[2]
		for real, scripted := range a.suffix {
			if scripted == suffix {
				suffix = real
			}
		}
		return head + ":secret:" + a.prefix + "/" + name + "-" + suffix + n[len(m[0]):]
	}
	return n
}

func (a *awsTarget) realAccount(arn string) string {
	return strings.Replace(arn, ":"+a.env.Account+":", ":"+a.account+":", 1)
}

// cleanup deletes every parameter and secret under the prefix.
func (a *awsTarget) cleanup(ctx context.Context) error {
	var errs []error
	var names []string
	for _, begins := range []string{"/" + a.prefix + "/", a.prefix + "-"} {
		p := ssm.NewDescribeParametersPaginator(a.ssmc, &ssm.DescribeParametersInput{ParameterFilters: []ssmtypes.ParameterStringFilter{
			{Key: aws.String("Name"), Option: aws.String("BeginsWith"), Values: []string{begins}}}})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				errs = append(errs, err)
				break
			}
			for _, m := range page.Parameters {
				names = append(names, aws.ToString(m.Name))
			}
		}
	}
	for len(names) > 0 {
		n := min(len(names), 10)
		if _, err := a.ssmc.DeleteParameters(ctx, &ssm.DeleteParametersInput{Names: names[:n]}); err != nil {
			errs = append(errs, err)
		}
		names = names[n:]
	}
	p := secretsmanager.NewListSecretsPaginator(a.smc, &secretsmanager.ListSecretsInput{IncludePlannedDeletion: aws.Bool(true),
		Filters: []smtypes.Filter{{Key: smtypes.FilterNameStringTypeName, Values: []string{a.prefix + "/"}}}})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			errs = append(errs, err)
			break
		}
		for _, s := range page.SecretList {
			if !strings.HasPrefix(aws.ToString(s.Name), a.prefix+"/") {
				continue
			}
			_, err := a.smc.DeleteSecret(ctx, &secretsmanager.DeleteSecretInput{SecretId: s.ARN, ForceDeleteWithoutRecovery: aws.Bool(true)})
			var nf *smtypes.ResourceNotFoundException
			if err != nil && !errors.As(err, &nf) {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
