package reliability_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/aws/smithy-go"

	"github.com/fakeaws/fakeaws-go/fakeaws"
	"github.com/fakeaws/fakeaws-go/fakeaws/endpoint"
	"github.com/fakeaws/fakeaws-go/fakeaws/smfake"
	"github.com/fakeaws/fakeaws-go/fakeaws/ssmfake"
)

// paramClient is the part of *ssm.Client (and *ssmfake.Client) the
// parameter histories use.
type paramClient interface {
	PutParameter(context.Context, *ssm.PutParameterInput, ...func(*ssm.Options)) (*ssm.PutParameterOutput, error)
	GetParameter(context.Context, *ssm.GetParameterInput, ...func(*ssm.Options)) (*ssm.GetParameterOutput, error)
	LabelParameterVersion(context.Context, *ssm.LabelParameterVersionInput, ...func(*ssm.Options)) (*ssm.LabelParameterVersionOutput, error)
}

// secretClient is the part of *secretsmanager.Client (and *smfake.Client)
// the secret histories use.
type secretClient interface {
	CreateSecret(context.Context, *secretsmanager.CreateSecretInput, ...func(*secretsmanager.Options)) (*secretsmanager.CreateSecretOutput, error)
	PutSecretValue(context.Context, *secretsmanager.PutSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.PutSecretValueOutput, error)
	GetSecretValue(context.Context, *secretsmanager.GetSecretValueInput, ...func(*secretsmanager.Options)) (*secretsmanager.GetSecretValueOutput, error)
	UpdateSecretVersionStage(context.Context, *secretsmanager.UpdateSecretVersionStageInput, ...func(*secretsmanager.Options)) (*secretsmanager.UpdateSecretVersionStageOutput, error)
}

func errCode(err error) string {
	if err == nil {
		return ""
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return "non-API error: " + err.Error()
}

// History sizes: a few hundred operations per history, puts bounded so
// neither service reaches its 100-version limit.
const (
	linClients       = 4
	linOpsPerClient  = 60
	linPutsPerClient = 18
)

// clientsOf is how a history reaches the Store: directly or over the server.
type clientsOf struct {
	name   string
	params func(*fakeaws.Store) (paramClient, func())
	secret func(*fakeaws.Store) (secretClient, func())
}

func ways() []clientsOf {
	return []clientsOf{
		{"direct fakes",
			func(st *fakeaws.Store) (paramClient, func()) { return ssmfake.New(st), func() {} },
			func(st *fakeaws.Store) (secretClient, func()) { return smfake.New(st), func() {} }},
		{"SDK clients over endpoint.NewServer",
			func(st *fakeaws.Store) (paramClient, func()) {
				srv := endpoint.NewServer(st)
				return ssm.NewFromConfig(srv.Config()), srv.Close
			},
			func(st *fakeaws.Store) (secretClient, func()) {
				srv := endpoint.NewServer(st)
				return secretsmanager.NewFromConfig(srv.Config()), srv.Close
			}},
	}
}

// runHistory runs linClients goroutines, each doing linOpsPerClient
// operations made by op(client, i), and records the history with call and
// return times from one atomic clock (so real-time order is exact).
func runHistory(op func(client, i int) (in, out any)) []porcupine.Operation {
	var clock atomic.Int64
	var mu sync.Mutex
	var hist []porcupine.Operation
	var wg sync.WaitGroup
	for c := range linClients {
		wg.Go(func() {
			for i := range linOpsPerClient {
				call := clock.Add(1)
				in, out := op(c, i)
				ret := clock.Add(1)
				mu.Lock()
				hist = append(hist, porcupine.Operation{ClientId: c, Input: in, Call: call, Output: out, Return: ret})
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return hist
}

// --- One parameter: versions and labels (docs/aws-behaviour.md §2) ---

type paramIn struct {
	Kind    string // put, label, get
	Value   string // put
	Label   string // label; get by label when Version == 0
	Version int64  // label; get by version
}

type paramOut struct {
	Version int64
	Value   string
	Code    string
}

// paramState is one parameter: its values joined by "\n" (version n is the
// n-th), and the version each label is on (0: none). Comparable, never
// mutated.
type paramState struct {
	values string
	n      int64
	l1, l2 int64
}

func (s paramState) value(v int64) string { return strings.Split(s.values, "\n")[v-1] }

func (s *paramState) label(l string) *int64 {
	if l == "L1" {
		return &s.l1
	}
	return &s.l2
}

var paramModel = porcupine.Model{
	Init: func() any { return paramState{values: "v0", n: 1} },
	Step: func(st, in, out any) (bool, any) {
		s, i, o := st.(paramState), in.(paramIn), out.(paramOut)
		switch i.Kind {
		case "put":
			if o.Code != "" {
				return false, s
			}
			s.values += "\n" + i.Value
			s.n++
			return o.Version == s.n, s
		case "label":
			if i.Version > s.n {
				return o.Code == "ParameterVersionNotFound", s
			}
			if o.Code != "" {
				return false, s
			}
			*s.label(i.Label) = i.Version
			return true, s
		default: // get
			want := paramOut{Version: s.n}
			switch {
			case i.Version > s.n:
				return o == paramOut{Code: "ParameterVersionNotFound"}, s
			case i.Version > 0:
				want.Version = i.Version
			case i.Label != "":
				// A missing label answers ParameterNotFound (as moto; docs/aws-behaviour.md §2.4).
				if want.Version = *s.label(i.Label); want.Version == 0 {
					return o == paramOut{Code: "ParameterNotFound"}, s
				}
			}
			want.Value = s.value(want.Version)
			return o == want, s
		}
	},
	DescribeOperation: func(in, out any) string { return fmt.Sprintf("%+v -> %+v", in, out) },
}

func paramOp(ctx context.Context, c paramClient, rng *rand.Rand, client, i int, puts *int) (any, any) {
	const name = "/lin/p"
	r := rng.IntN(10)
	switch {
	case r < 3 && *puts < linPutsPerClient:
		*puts++
		in := paramIn{Kind: "put", Value: fmt.Sprintf("c%d-%d", client, i)}
		out, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String(name), Value: aws.String(in.Value),
			Type: ssmtypes.ParameterTypeString, Overwrite: aws.Bool(true)})
		if err != nil {
			return in, paramOut{Code: errCode(err)}
		}
		return in, paramOut{Version: out.Version}
	case r < 5:
		in := paramIn{Kind: "label", Label: []string{"L1", "L2"}[rng.IntN(2)], Version: 1 + rng.Int64N(40)}
		_, err := c.LabelParameterVersion(ctx, &ssm.LabelParameterVersionInput{Name: aws.String(name),
			Labels: []string{in.Label}, ParameterVersion: aws.Int64(in.Version)})
		return in, paramOut{Code: errCode(err)}
	default:
		in := paramIn{Kind: "get"}
		sel := ""
		switch rng.IntN(3) {
		case 1:
			in.Label = []string{"L1", "L2"}[rng.IntN(2)]
			sel = ":" + in.Label
		case 2:
			in.Version = 1 + rng.Int64N(40)
			sel = ":" + strconv.FormatInt(in.Version, 10)
		}
		out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name + sel)})
		if err != nil {
			return in, paramOut{Code: errCode(err)}
		}
		return in, paramOut{Version: out.Parameter.Version, Value: aws.ToString(out.Parameter.Value)}
	}
}

// TestLinearizableParameter: concurrent puts (overwrites), label moves and
// reads (latest, by label, by version) of one parameter are linearizable
// against the sequential model of docs/aws-behaviour.md §2 (versions 1, 2, ...; a label on at
// most one version, moved by LabelParameterVersion).
func TestLinearizableParameter(t *testing.T) {
	t.Parallel()
	for _, way := range ways() {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%s seed %d", way.name, seed), func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				st := fakeaws.New(fakeaws.WithSeed(seed))
				c, done := way.params(st)
				defer done()
				if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: aws.String("/lin/p"), Value: aws.String("v0"), Type: ssmtypes.ParameterTypeString}); err != nil {
					t.Fatal(err)
				}
				rngs, puts := make([]*rand.Rand, linClients), make([]int, linClients)
				for i := range rngs {
					rngs[i] = rand.New(rand.NewPCG(seed, uint64(i)))
				}
				hist := runHistory(func(client, i int) (any, any) {
					return paramOp(ctx, c, rngs[client], client, i, &puts[client])
				})
				checkLinearizable(t, paramModel, hist)
			})
		}
	}
}

func checkLinearizable(t *testing.T, m porcupine.Model, hist []porcupine.Operation) {
	t.Helper()
	res, info := porcupine.CheckOperationsVerbose(m, hist, 20*time.Second)
	switch res {
	case porcupine.Ok:
	case porcupine.Unknown:
		t.Fatalf("linearizability check of %d operations timed out", len(hist))
	default:
		_ = info
		for _, op := range hist {
			t.Logf("client %d [%d,%d] %s", op.ClientId, op.Call, op.Return, m.DescribeOperation(op.Input, op.Output))
		}
		t.Fatalf("history of %d operations is not linearizable", len(hist))
	}
}

// --- One secret: versions and staging labels (docs/aws-behaviour.md §3) ---

type secretIn struct {
	Kind     string // put, move, get
	Token    string // put: the new version's ID (= its value)
	Stage    string // move, get
	To, From string // move; "" is nil
}

type secretOut struct {
	VersionID, Value string
	Code             string
}

// secretState is one secret: the version IDs (joined by "\n") and the
// version holding each stage ("" none).
type secretState struct {
	ids           string
	cur, prev, s1 string
}

func (s secretState) has(id string) bool {
	return id != "" && strings.Contains("\n"+s.ids+"\n", "\n"+id+"\n")
}

func (s *secretState) holder(stage string) *string {
	switch stage {
	case "AWSCURRENT":
		return &s.cur
	case "AWSPREVIOUS":
		return &s.prev
	}
	return &s.s1
}

const secretFirst = "00000000-0000-0000-0000-000000000000"

var secretModel = porcupine.Model{
	Init: func() any { return secretState{ids: secretFirst, cur: secretFirst} },
	Step: func(st, in, out any) (bool, any) {
		s, i, o := st.(secretState), in.(secretIn), out.(secretOut)
		switch i.Kind {
		case "put": // PutSecretValue without stages: the new version becomes AWSCURRENT.
			if o != (secretOut{VersionID: i.Token}) {
				return false, s
			}
			s.ids += "\n" + i.Token
			s.prev, s.cur = s.cur, i.Token
			return true, s
		case "move": // UpdateSecretVersionStage (docs/aws-behaviour.md §3.3)
			h := s.holder(i.Stage)
			bad := !s.has(i.To) || (i.From != "" && (!s.has(i.From) || *h != i.From)) ||
				(*h != "" && *h != i.To && *h != i.From)
			if bad {
				return o == secretOut{Code: "InvalidParameterException"}, s
			}
			if o != (secretOut{}) {
				return false, s
			}
			if i.Stage == "AWSCURRENT" {
				if s.cur != i.To {
					s.prev, s.cur = s.cur, i.To
				}
			} else {
				s.s1 = i.To
			}
			return true, s
		default:
			h := *s.holder(i.Stage)
			if h == "" {
				return o == secretOut{Code: "ResourceNotFoundException"}, s
			}
			value := h
			if h == secretFirst {
				value = "first"
			}
			return o == secretOut{VersionID: h, Value: value}, s
		}
	},
	DescribeOperation: func(in, out any) string { return fmt.Sprintf("%+v -> %+v", in, out) },
}

func secretToken(client, i int) string {
	return fmt.Sprintf("00000000-0000-0000-%04d-%012d", client+1, i)
}

func secretOp(ctx context.Context, c secretClient, rng *rand.Rand, client, i int, puts *int) (any, any) {
	const name = "lin/s"
	// A version ID some client may have put by now (or not yet, or never).
	someID := func() string {
		if rng.IntN(8) == 0 {
			return secretFirst
		}
		return secretToken(rng.IntN(linClients), rng.IntN(linOpsPerClient/3))
	}
	r := rng.IntN(10)
	switch {
	case r < 3 && *puts < linPutsPerClient:
		*puts++
		in := secretIn{Kind: "put", Token: secretToken(client, i)}
		out, err := c.PutSecretValue(ctx, &secretsmanager.PutSecretValueInput{SecretId: aws.String(name),
			SecretString: aws.String(in.Token), ClientRequestToken: aws.String(in.Token)})
		if err != nil {
			return in, secretOut{Code: errCode(err)}
		}
		return in, secretOut{VersionID: aws.ToString(out.VersionId)}
	case r < 5:
		in := secretIn{Kind: "move", Stage: []string{"AWSCURRENT", "S1"}[rng.IntN(2)], To: someID()}
		if rng.IntN(2) == 0 {
			in.From = someID()
		}
		var from *string
		if in.From != "" {
			from = aws.String(in.From)
		}
		_, err := c.UpdateSecretVersionStage(ctx, &secretsmanager.UpdateSecretVersionStageInput{SecretId: aws.String(name),
			VersionStage: aws.String(in.Stage), MoveToVersionId: aws.String(in.To), RemoveFromVersionId: from})
		return in, secretOut{Code: errCode(err)}
	default:
		in := secretIn{Kind: "get", Stage: []string{"AWSCURRENT", "AWSPREVIOUS", "S1"}[rng.IntN(3)]}
		out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(name), VersionStage: aws.String(in.Stage)})
		if err != nil {
			return in, secretOut{Code: errCode(err)}
		}
		return in, secretOut{VersionID: aws.ToString(out.VersionId), Value: aws.ToString(out.SecretString)}
	}
}

// TestLinearizableSecret: concurrent value puts, stage moves and reads by
// stage of one secret are linearizable against the sequential model of
// docs/aws-behaviour.md §3 (a new value takes AWSCURRENT and moves AWSPREVIOUS; moving a
// stage attached elsewhere needs RemoveFromVersionId).
func TestLinearizableSecret(t *testing.T) {
	t.Parallel()
	for _, way := range ways() {
		for seed := range uint64(3) {
			t.Run(fmt.Sprintf("%s seed %d", way.name, seed), func(t *testing.T) {
				t.Parallel()
				ctx := context.Background()
				st := fakeaws.New(fakeaws.WithSeed(seed))
				c, done := way.secret(st)
				defer done()
				if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String("lin/s"),
					SecretString: aws.String("first"), ClientRequestToken: aws.String(secretFirst)}); err != nil {
					t.Fatal(err)
				}
				rngs, puts := make([]*rand.Rand, linClients), make([]int, linClients)
				for i := range rngs {
					rngs[i] = rand.New(rand.NewPCG(seed, uint64(i)))
				}
				hist := runHistory(func(client, i int) (any, any) {
					return secretOp(ctx, c, rngs[client], client, i, &puts[client])
				})
				checkLinearizable(t, secretModel, hist)
			})
		}
	}
}
