package secrets

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager/types"

	"github.com/fakeaws/fakeaws-go/fakeaws/internal/core"
)

// ReplicateSecretToRegions declares Secrets Manager's ReplicateSecretToRegions.
var ReplicateSecretToRegions = &op[secretsmanager.ReplicateSecretToRegionsInput, secretsmanager.ReplicateSecretToRegionsOutput]{
	Op:       action("ReplicateSecretToRegions"),
	Write:    true,
	Validate: validateReplicateSecretToRegionsInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.ReplicateSecretToRegionsInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).ReplicateSecretToRegions,
}

// RemoveRegionsFromReplication declares Secrets Manager's RemoveRegionsFromReplication.
var RemoveRegionsFromReplication = &op[secretsmanager.RemoveRegionsFromReplicationInput, secretsmanager.RemoveRegionsFromReplicationOutput]{
	Op:       action("RemoveRegionsFromReplication"),
	Write:    true,
	Validate: validateRemoveRegionsFromReplicationInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.RemoveRegionsFromReplicationInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).RemoveRegionsFromReplication,
}

// StopReplicationToReplica declares Secrets Manager's StopReplicationToReplica.
var StopReplicationToReplica = &op[secretsmanager.StopReplicationToReplicaInput, secretsmanager.StopReplicationToReplicaOutput]{
	Op:       action("StopReplicationToReplica"),
	Write:    true,
	Validate: validateStopReplicationToReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.StopReplicationToReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).StopReplicationToReplica,
}

// AssociateCrossAccountReplica declares Secrets Manager's AssociateCrossAccountReplica.
var AssociateCrossAccountReplica = &op[secretsmanager.AssociateCrossAccountReplicaInput, secretsmanager.AssociateCrossAccountReplicaOutput]{
	Op:       action("AssociateCrossAccountReplica"),
	Write:    true,
	Validate: validateAssociateCrossAccountReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.AssociateCrossAccountReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).AssociateCrossAccountReplica,
}

// DisassociateCrossAccountReplica declares Secrets Manager's DisassociateCrossAccountReplica.
var DisassociateCrossAccountReplica = &op[secretsmanager.DisassociateCrossAccountReplicaInput, secretsmanager.DisassociateCrossAccountReplicaOutput]{
	Op:       action("DisassociateCrossAccountReplica"),
	Write:    true,
	Validate: validateDisassociateCrossAccountReplicaInput,
	Resources: func(s *State, _ core.Env, in *secretsmanager.DisassociateCrossAccountReplicaInput) []core.Resource {
		return s.secretResource(in.SecretId)
	},
	Run: (*State).DisassociateCrossAccountReplica,
}

// Replication (docs/aws-behaviour.md §3.5 "Replication"; the SDK's doc comments).
//
// A primary secret is copied to replicas in other regions of its account
// (ReplicateSecretToRegions, CreateSecret AddReplicaRegions) and to at most
// one replica in another account of its region (a secret created there with
// CrossAccountPrimaryARN, then linked by AssociateCrossAccountReplica).
// Replicas live in their own partition's state, under the primary's name
// with the region swapped in the ARN for a region replica, and are
// read-only: every write on one answers InvalidParameterException
// "Operation not permitted on a replica secret. Call must be made in primary
// secret's region." (M). After every write on a primary (the engine calls
// AfterWrite under the same write lock), its replicas receive its versions,
// labels and metadata, so a read in the replica's region sees the write at
// once. Replication completes between calls: the call that starts it
// answers InProgress (D, the API reference's example), every later read
// InSync.

// replicaOf is what a replica knows of its primary.
type replicaOf struct {
	account, region string // where the primary lives
	arn             string // the primary's ARN
	cross           bool   // a cross-account replica
	// status of a cross-account replica: Pending until associated, InSync,
	// Detached once the primary disassociates it.
	status types.StatusType
}

// regionLink is a primary's replica in another region of its account.
type regionLink struct {
	region string
	kms    *string // the replica's KMS key; nil for aws/secretsmanager
	failed string  // why replication failed; "" when it succeeded
}

// accountLink is a primary's replica in another account.
type accountLink struct {
	arn    string  // the replica's ARN
	role   *string // ReplicationRoleARN, when given
	status types.StatusType
}

const (
	// defaultReplicaKey is how a region replica's default key is reported
	// (D, the API reference's ReplicateSecretToRegions example).
	defaultReplicaKey = "alias/aws/secretsmanager"
	// msgReplicated is the StatusMessage of a replica in sync (U: the
	// wording the AWS console and Pulumi's docs show).
	msgReplicated = "Replication succeeded"
	// msgNameTaken: D, the SDK's ReplicationStatusType doc gives it as the
	// example StatusMessage.
	msgNameTaken = "Secret with this name already exists in this region"
)

// regionPattern is ReplicationStatusType.Region's pattern in the API model (D).
var regionPattern = regexp.MustCompile(`^([a-z]+-)+\d+$`)

// SetPeers gives s the Secrets Manager state of the other partitions of its
// Store (see engine.peer): replication reaches replicas through it.
func (s *State) SetPeers(f func(account, region string, create bool) *State) { s.peers = f }

func (s *State) peer(account, region string, create bool) *State {
	if s.peers == nil {
		return nil
	}
	return s.peers(account, region, create)
}

// AfterWrite pushes every primary a write touched to its replicas. The
// engine calls it after each write operation, under the write lock.
func (s *State) AfterWrite() {
	for _, sec := range s.touched {
		s.push(sec)
	}
	clear(s.touched)
	s.touched = s.touched[:0]
}

// hasReplicas reports whether sec is a primary with live replicas.
func (sec *secret) hasReplicas() bool {
	x := sec.ext
	return x != nil && (len(x.replicas) > 0 || (x.xreplica != nil && x.xreplica.status == types.StatusTypeInSync))
}

// replicaOf returns what sec knows of its primary, or nil for a secret that
// is not a replica.
func (sec *secret) replicaOf() *replicaOf {
	if sec.ext == nil {
		return nil
	}
	return sec.ext.primary
}

// errReplica: a write on a replica (docs/aws-behaviour.md §3.5, M).
func errReplica() error {
	return invalidParam("Operation not permitted on a replica secret. Call must be made in primary secret's region.")
}

// errReplicaRegion: a replica region that is the secret's own, or not a
// region (docs/aws-behaviour.md §3.5, M; U for the second).
func errReplicaRegion() error { return invalidParam("Invalid replica region.") }

// push copies sec's versions, labels and metadata to each of its replicas.
func (s *State) push(sec *secret) {
	x := sec.ext
	if x == nil {
		return
	}
	for _, l := range x.replicas {
		if l.failed != "" {
			continue
		}
		t := s.peer(s.account, l.region, true)
		r := t.lookup(sec.name)
		if r == nil || r.replicaOf() == nil || r.replicaOf().arn != sec.arn {
			// The replica went missing (a fixture without it): make it again.
			r = t.newReplica(sec, l.kms, sec.changed)
		}
		copyContent(sec, r, true)
	}
	if xl := x.xreplica; xl != nil && xl.status == types.StatusTypeInSync {
		if r := s.crossReplica(xl.arn, sec.arn); r != nil {
			copyContent(sec, r, false)
		}
	}
}

// crossReplica returns the secret arn names in another account of this
// region when it is a cross-account replica of primary, else nil.
func (s *State) crossReplica(arn, primary string) *secret {
	acct, ok := arnAccount(arn, s.region)
	if !ok {
		return nil
	}
	t := s.peer(acct, s.region, false)
	if t == nil {
		return nil
	}
	r := t.byARN[arn]
	if r == nil || r.replicaOf() == nil || r.replicaOf().arn != primary {
		return nil
	}
	return r
}

// newReplica stores a region replica of sec in t: sec's name, its ARN with
// t's region, created at now.
func (t *State) newReplica(sec *secret, kms *string, now time.Time) *secret {
	suffix := sec.arn[strings.LastIndex(sec.arn, ":")+1:]
	t.created++
	r := &secret{
		order64:  t.created,
		name:     sec.name,
		arn:      t.prefix + suffix,
		created:  now,
		changed:  now,
		kmsKeyID: copyStr(kms),
		versions: map[string]*version{},
		labels:   map[string]*version{},
	}
	// The primary's account and region are those of the state holding it.
	r.ext = &secretExt{primary: &replicaOf{arn: sec.arn, status: types.StatusTypeInSync}}
	r.ext.primary.account, r.ext.primary.region = arnAccountRegion(sec.arn)
	t.add(r)
	return r
}

// copyContent makes r hold sec's versions and labels (keeping r's own
// LastAccessedDate per version) and, for a region replica, its
// description, type, tags and resource policy. Values are shared: a stored
// value never changes.
func copyContent(sec, r *secret, region bool) {
	versions := make(map[string]*version, len(sec.versions))
	order := make([]*version, 0, len(sec.order))
	labels := make(map[string]*version, len(sec.labels))
	for _, v := range sec.order {
		nv := &version{id: v.id, seq: v.seq, str: v.str, bin: v.bin, created: v.created, stages: slices.Clone(v.stages)}
		if old := r.versions[v.id]; old != nil {
			nv.accessed.Store(old.accessed.Load())
		}
		versions[v.id] = nv
		order = append(order, nv)
		for _, l := range nv.stages {
			labels[l] = nv
		}
	}
	r.versions, r.order, r.labels, r.seq = versions, order, labels, sec.seq
	r.description = copyStr(sec.description)
	r.changed = sec.changed
	if region {
		r.typ = copyStr(sec.typ)
		r.tags = copyTags(sec.tags)
		var policy *string
		if sec.ext != nil {
			policy = copyStr(sec.ext.policy)
		}
		r.ext.policy = policy
	}
}

// checkReplicaRegions checks AddReplicaRegions for a secret of this state:
// each a region other than this one, listed once; KMS keys as CreateSecret
// takes them.
func (s *State) checkReplicaRegions(rs []types.ReplicaRegionType) error {
	if len(rs) == 0 {
		return errReplicaRegion() // U: the model asks for at least one
	}
	seen := map[string]bool{}
	for _, r := range rs {
		region := aws.ToString(r.Region)
		if region == s.region || !regionPattern.MatchString(region) || len(region) > 128 || seen[region] {
			return errReplicaRegion()
		}
		seen[region] = true
		if err := checkMeta(nil, r.KmsKeyId); err != nil {
			return err
		}
	}
	return nil
}

// replicate adds the regions of rs to sec's replicas and answers their
// status: InProgress for a replica made now, Failed where the name is
// taken and force is not set, InSync for a region already replicated.
// The regions must have been checked.
func (s *State) replicate(env core.Env, sec *secret, rs []types.ReplicaRegionType, force bool) []types.ReplicationStatusType {
	x := sec.extOf()
	out := make([]types.ReplicationStatusType, 0, len(rs))
	for _, rr := range rs {
		region := aws.ToString(rr.Region)
		kms := rr.KmsKeyId
		if kms != nil && (*kms == "" || *kms == defaultKmsKey || *kms == defaultReplicaKey) {
			kms = nil
		}
		if i := slices.IndexFunc(x.replicas, func(l *regionLink) bool { return l.region == region }); i >= 0 {
			if x.replicas[i].failed == "" {
				out = append(out, s.linkStatus(sec, x.replicas[i], false))
				continue
			}
			x.replicas = slices.Delete(x.replicas, i, i+1) // a failed one is tried again
		}
		l := &regionLink{region: region, kms: copyStr(kms)}
		t := s.peer(s.account, region, true)
		if old := t.lookup(sec.name); old != nil && (old.gone(env.Now) || (old.replicaOf() != nil && old.replicaOf().arn == sec.arn)) {
			t.remove(old) // gone, or this secret's own replica left without a link (a fixture)
		} else if old != nil {
			if !force || old.hasReplicas() {
				l.failed = msgNameTaken
			} else {
				t.remove(old)
			}
		}
		x.replicas = append(x.replicas, l)
		if l.failed == "" {
			r := t.newReplica(sec, l.kms, env.Now)
			copyContent(sec, r, true)
		}
		out = append(out, s.linkStatus(sec, l, true))
	}
	return out
}

// linkStatus is l's ReplicationStatusType entry; started says the replica
// was made by the current call.
func (s *State) linkStatus(sec *secret, l *regionLink, started bool) types.ReplicationStatusType {
	st := types.ReplicationStatusType{Region: aws.String(l.region), KmsKeyId: aws.String(defaultReplicaKey)}
	if l.kms != nil {
		st.KmsKeyId = copyStr(l.kms)
	}
	switch {
	case l.failed != "":
		st.Status, st.StatusMessage = types.StatusTypeFailed, aws.String(l.failed)
	case started:
		st.Status = types.StatusTypeInProgress
	default:
		st.Status, st.StatusMessage = types.StatusTypeInSync, aws.String(msgReplicated)
		if t := s.peer(s.account, l.region, false); t != nil {
			if r := t.lookup(sec.name); r != nil {
				st.LastAccessedDate = dayTime(r.accessed.Load())
			}
		}
	}
	return st
}

// replicationStatus lists sec's region replicas as DescribeSecret shows
// them, or nil when it has none.
func (s *State) replicationStatus(sec *secret) []types.ReplicationStatusType {
	if sec.ext == nil || len(sec.ext.replicas) == 0 {
		return nil
	}
	out := make([]types.ReplicationStatusType, 0, len(sec.ext.replicas))
	for _, l := range sec.ext.replicas {
		out = append(out, s.linkStatus(sec, l, false))
	}
	return out
}

// primaryRegion is the region of sec's primary: its own region unless it is
// a region replica.
func (sec *secret) primaryRegion() string {
	if p := sec.replicaOf(); p != nil && !p.cross {
		return p.region
	}
	_, region := arnAccountRegion(sec.arn)
	return region
}

// multiRegion reports whether sec is a primary with region replicas or a
// region replica: the secrets that show PrimaryRegion.
func (sec *secret) multiRegion() bool {
	x := sec.ext
	return x != nil && (len(x.replicas) > 0 || (x.primary != nil && !x.primary.cross))
}

// fillReplication adds PrimaryRegion, ReplicationStatus and the
// cross-account fields to a DescribeSecret answer. PrimaryRegion is shown
// for a multi-Region secret (a primary with region replicas, or a region
// replica) only (U: AWS leaves it out for a secret never replicated).
func (s *State) fillReplication(sec *secret, out *secretsmanager.DescribeSecretOutput) {
	x := sec.ext
	if x == nil {
		return
	}
	if p := x.primary; p != nil && p.cross {
		out.CrossAccountPrimary = &types.CrossAccountPrimaryType{PrimarySecretARN: aws.String(p.arn), ReplicationStatus: p.status}
	}
	out.ReplicationStatus = s.replicationStatus(sec)
	if xl := x.xreplica; xl != nil {
		out.CrossAccountReplicas = []types.CrossAccountReplicaEntry{{
			ReplicaSecretARN: aws.String(xl.arn), ReplicationRoleARN: copyStr(xl.role), ReplicationStatus: xl.status,
		}}
	}
}

// ReplicateSecretToRegions replicates a secret to other regions of its
// account (D). Errors: a missing secret; a secret scheduled for deletion;
// a replica (M); a region that is the secret's own or not a region (M, U).
// A region where the name is taken gets status Failed unless
// ForceOverwriteReplicaSecret replaces the secret there (D, M).
func (s *State) ReplicateSecretToRegions(env core.Env, in *secretsmanager.ReplicateSecretToRegionsInput) (*secretsmanager.ReplicateSecretToRegionsOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if err := s.checkReplicaRegions(in.AddReplicaRegions); err != nil {
		return nil, err
	}
	st := s.replicate(env, sec, in.AddReplicaRegions, in.ForceOverwriteReplicaSecret)
	return &secretsmanager.ReplicateSecretToRegionsOutput{ARN: aws.String(sec.arn), ReplicationStatus: st}, nil
}

// RemoveRegionsFromReplication deletes the secret's replicas in the given
// regions at once, and answers the replicas left ([] when none: D, the AWS
// CLI's example). A region that is not a replica region of the secret is
// InvalidParameterException (U).
func (s *State) RemoveRegionsFromReplication(env core.Env, in *secretsmanager.RemoveRegionsFromReplicationInput) (*secretsmanager.RemoveRegionsFromReplicationOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	if len(in.RemoveReplicaRegions) == 0 {
		return nil, errReplicaRegion()
	}
	var links []*regionLink
	if sec.ext != nil {
		links = sec.ext.replicas
	}
	for _, region := range in.RemoveReplicaRegions {
		if !slices.ContainsFunc(links, func(l *regionLink) bool { return l.region == region }) {
			return nil, errReplicaRegion()
		}
	}
	keep := links[:0]
	for _, l := range links {
		if !slices.Contains(in.RemoveReplicaRegions, l.region) {
			keep = append(keep, l)
			continue
		}
		if l.failed != "" {
			continue
		}
		if t := s.peer(s.account, l.region, false); t != nil {
			if r := t.lookup(sec.name); r != nil && r.replicaOf() != nil && r.replicaOf().arn == sec.arn {
				t.remove(r)
			}
		}
	}
	clear(links[len(keep):])
	sec.ext.replicas = keep
	st := s.replicationStatus(sec)
	if st == nil {
		st = []types.ReplicationStatusType{}
	}
	return &secretsmanager.RemoveRegionsFromReplicationOutput{ARN: aws.String(sec.arn), ReplicationStatus: st}, nil
}

// StopReplicationToReplica, called in the replica's region or account,
// makes the replica a standalone secret (D). For a region replica the
// primary forgets the region; for a cross-account replica the primary's
// link shows Detached (D). On a secret that is not a replica it is
// InvalidRequestException (U).
func (s *State) StopReplicationToReplica(env core.Env, in *secretsmanager.StopReplicationToReplicaInput) (*secretsmanager.StopReplicationToReplicaOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec := s.findForWrite(env, aws.ToString(in.SecretId))
	if sec == nil {
		return nil, errNotFound()
	}
	p := sec.replicaOf()
	if p == nil {
		return nil, &types.InvalidRequestException{Message: aws.String("The secret is not a replica secret.")} // U
	}
	sec.ext.primary = nil
	sec.changed = env.Now
	if ps := s.peer(p.account, p.region, false); ps != nil {
		if prim := ps.byARN[p.arn]; prim != nil && prim.ext != nil {
			if p.cross {
				if xl := prim.ext.xreplica; xl != nil && xl.arn == sec.arn {
					xl.status = types.StatusTypeDetached
				}
			} else {
				prim.ext.replicas = slices.DeleteFunc(prim.ext.replicas, func(l *regionLink) bool { return l.region == s.region })
			}
		}
	}
	return &secretsmanager.StopReplicationToReplicaOutput{ARN: aws.String(sec.arn)}, nil
}

// AssociateCrossAccountReplica links a primary to a replica secret in
// another account of the same region, created there with
// CrossAccountPrimaryARN naming the primary, and copies the primary's
// versions to it (D). A primary has at most one cross-account replica; the
// call is idempotent for the same one (D). Texts of its errors are U.
func (s *State) AssociateCrossAccountReplica(env core.Env, in *secretsmanager.AssociateCrossAccountReplicaInput) (*secretsmanager.AssociateCrossAccountReplicaOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	arn := aws.ToString(in.CrossAccountReplicaARN)
	acct, ok := arnAccount(arn, s.region)
	if !ok || acct == s.account {
		return nil, invalidParam("The CrossAccountReplicaARN must be the ARN of a secret in another account of the same Region.") // U
	}
	if rr := in.ReplicaRestriction; rr != "" && !slices.Contains(rr.Values(), rr) {
		return nil, core.APIError("ValidationException", "1 validation error detected: Value '"+string(rr)+"' at 'replicaRestriction' failed to satisfy constraint: Member must satisfy enum value set: [SameOrg, NoRestriction]")
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	t := s.peer(acct, s.region, false)
	var r *secret
	if t != nil {
		r = t.byARN[arn]
	}
	if r == nil || r.gone(env.Now) {
		return nil, errNotFound()
	}
	if p := r.replicaOf(); p == nil || !p.cross || p.arn != sec.arn {
		return nil, &types.InvalidRequestException{Message: aws.String("The secret " + arn + " was not created as a cross-account replica of " + sec.arn + ".")} // U
	}
	x := sec.extOf()
	if xl := x.xreplica; xl != nil && xl.arn != arn && xl.status != types.StatusTypeDetached {
		return nil, &types.InvalidRequestException{Message: aws.String("A primary secret can have at most one cross-account replica.")} // D's sentence, U as a message
	}
	x.xreplica = &accountLink{arn: arn, role: copyStr(in.ReplicationRoleARN), status: types.StatusTypeInSync}
	r.ext.primary.status = types.StatusTypeInSync
	copyContent(sec, r, false)
	return &secretsmanager.AssociateCrossAccountReplicaOutput{
		ARN: aws.String(sec.arn), CrossAccountReplicaARN: aws.String(arn), ReplicationStatus: types.StatusTypeInSync,
	}, nil
}

// DisassociateCrossAccountReplica unlinks a primary from its cross-account
// replica: the replica stays, read-only, with status Detached, and the
// primary can then be deleted (D). A replica that is not the primary's is
// InvalidRequestException (U).
func (s *State) DisassociateCrossAccountReplica(env core.Env, in *secretsmanager.DisassociateCrossAccountReplicaInput) (*secretsmanager.DisassociateCrossAccountReplicaOutput, error) {
	if err := checkSecretID(in.SecretId, "secretId"); err != nil {
		return nil, err
	}
	sec, err := s.liveForWrite(env, aws.ToString(in.SecretId))
	if err != nil {
		return nil, err
	}
	arn := aws.ToString(in.CrossAccountReplicaARN)
	if sec.ext == nil || sec.ext.xreplica == nil || sec.ext.xreplica.arn != arn {
		return nil, &types.InvalidRequestException{Message: aws.String("The secret " + arn + " is not a cross-account replica of " + sec.arn + ".")} // U
	}
	if r := s.crossReplica(arn, sec.arn); r != nil {
		r.ext.primary.status = types.StatusTypeDetached
	}
	sec.ext.xreplica = nil
	return &secretsmanager.DisassociateCrossAccountReplicaOutput{ARN: aws.String(sec.arn), CrossAccountReplicaARN: aws.String(arn)}, nil
}

// checkCrossAccountCreate checks a CreateSecret that makes a cross-account
// replica (D: the replica needs a customer managed key and can't include a
// value, Description, AddReplicaRegions or Type; the primary is in the same
// region and partition, in another account). Texts are U.
func (s *State) checkCrossAccountCreate(in *secretsmanager.CreateSecretInput) error {
	switch {
	case in.SecretString != nil || in.SecretBinary != nil || in.Description != nil || len(in.AddReplicaRegions) > 0 || in.Type != nil:
		return invalidParam("You can't include SecretString, SecretBinary, Description, AddReplicaRegions or Type when you create a cross-account replica secret.")
	case in.KmsKeyId == nil || *in.KmsKeyId == "" || *in.KmsKeyId == defaultKmsKey || *in.KmsKeyId == defaultReplicaKey:
		return invalidParam("A cross-account replica secret must use a customer managed KMS key.")
	}
	arn := aws.ToString(in.CrossAccountPrimaryARN)
	if acct, ok := arnAccount(arn, s.region); !ok || acct == s.account {
		return invalidParam("The CrossAccountPrimaryARN must be the ARN of a secret in another account of the same Region.")
	}
	return nil
}

// arnAccount returns the account of a secret ARN in region (and this
// region's partition), or false when arn is not one.
func arnAccount(arn, region string) (string, bool) {
	parts := strings.SplitN(arn, ":", 7)
	if len(parts) != 7 || parts[0] != "arn" || parts[1] != core.Partition(region) || parts[2] != "secretsmanager" ||
		parts[3] != region || len(parts[4]) != 12 || parts[5] != "secret" || parts[6] == "" {
		return "", false
	}
	for _, c := range parts[4] {
		if c < '0' || c > '9' {
			return "", false
		}
	}
	return parts[4], true
}

// arnAccountRegion returns the account and region of a secret ARN this
// package made.
func arnAccountRegion(arn string) (account, region string) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 5 {
		return "", ""
	}
	return parts[4], parts[3]
}
