package fetch

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// AllowPrivateSwitch names the switch that opens private networks, for
// error messages.
const AllowPrivateSwitch = "--allow-private-networks (or WARTA_ALLOW_PRIVATE_NETWORKS=1)"

// ErrPrivateAddress is wrapped by every refusal of a private or
// special-purpose address.
var ErrPrivateAddress = errors.New("private address")

// ErrForbiddenURL is wrapped by every refusal of a scheme or port.
var ErrForbiddenURL = errors.New("forbidden URL")

// PrivateAddressError is the refusal of one address, made before any
// connection is opened.
type PrivateAddressError struct {
	Addr  netip.Addr
	Range string // the special-purpose range it is in
}

func (e *PrivateAddressError) Error() string {
	return fmt.Sprintf("%s is a private address (%s): refused; give %s to fetch from private networks",
		e.Addr, e.Range, AllowPrivateSwitch)
}

func (e *PrivateAddressError) Unwrap() error { return ErrPrivateAddress }

// specialRange is one IANA special-purpose range.
type specialRange struct {
	prefix netip.Prefix
	name   string
}

// specialRanges are the IANA IPv4 and IPv6 special-purpose address
// registries (RFC 6890 and its updates) plus multicast and the reserved
// blocks: nothing a public news site is served from.
var specialRanges = func() []specialRange {
	rows := []struct{ cidr, name string }{
		{"0.0.0.0/8", "this network"},
		{"10.0.0.0/8", "RFC 1918 private"},
		{"100.64.0.0/10", "CGNAT shared address space"},
		{"127.0.0.0/8", "loopback"},
		{"169.254.0.0/16", "link-local"},
		{"172.16.0.0/12", "RFC 1918 private"},
		{"192.0.0.0/24", "IETF protocol assignments"},
		{"192.0.2.0/24", "documentation"},
		{"192.31.196.0/24", "AS112"},
		{"192.52.193.0/24", "AMT"},
		{"192.88.99.0/24", "6to4 relay anycast"},
		{"192.168.0.0/16", "RFC 1918 private"},
		{"192.175.48.0/24", "AS112"},
		{"198.18.0.0/15", "benchmarking"},
		{"198.51.100.0/24", "documentation"},
		{"203.0.113.0/24", "documentation"},
		{"224.0.0.0/4", "multicast"},
		{"240.0.0.0/4", "reserved"},
		{"::/128", "unspecified"},
		{"::1/128", "loopback"},
		{"64:ff9b::/96", "NAT64"},
		{"64:ff9b:1::/48", "local-use NAT64"},
		{"100::/64", "discard-only"},
		{"2001::/23", "IETF protocol assignments (Teredo included)"},
		{"2001:db8::/32", "documentation"},
		{"3fff::/20", "documentation"},
		{"5f00::/16", "segment routing"},
		{"fc00::/7", "unique-local"},
		{"fe80::/10", "link-local"},
		{"fec0::/10", "site-local"},
		{"ff00::/8", "multicast"},
	}
	out := make([]specialRange, len(rows))
	for i, r := range rows {
		out[i] = specialRange{netip.MustParsePrefix(r.cidr), r.name}
	}
	return out
}()

var sixToFour = netip.MustParsePrefix("2002::/16")

// CheckAddr returns a *PrivateAddressError when a is in a special-purpose
// range. IPv4-mapped IPv6 addresses are judged by their IPv4 address, and
// a 6to4 address by the IPv4 address it embeds.
func CheckAddr(a netip.Addr) error {
	a = a.Unmap()
	if sixToFour.Contains(a) {
		b := a.As16()
		v4 := netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]})
		if err := CheckAddr(v4); err != nil {
			return &PrivateAddressError{Addr: a, Range: "6to4 embedding " + err.(*PrivateAddressError).Range}
		}
		return nil
	}
	for _, r := range specialRanges {
		if r.prefix.Contains(a) {
			return &PrivateAddressError{Addr: a, Range: r.name}
		}
	}
	return nil
}

// Policy says where the fetcher may go.
type Policy struct {
	// AllowPrivate opens private and special-purpose addresses (intranets,
	// tests on loopback).
	AllowPrivate bool
	// Allow opens some private ranges only (tests open loopback and keep
	// the rest refused).
	Allow []netip.Prefix
	// Ports are the ports allowed besides 80 and 443.
	Ports []int
}

func (p Policy) portAllowed(port int) bool {
	if port == 80 || port == 443 {
		return true
	}
	for _, q := range p.Ports {
		if q == port {
			return true
		}
	}
	return false
}

// CheckURL refuses a URL that is not http or https on an allowed port.
// It is checked before each request and redirect; the address itself is
// checked when dialling, after name resolution. With AllowPrivate any
// port passes here, and the dial decision allows it only on a private
// address.
func (p Policy) CheckURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w: %s: only http and https are fetched", ErrForbiddenURL, u.Redacted())
	}
	if u.Hostname() == "" {
		return fmt.Errorf("%w: %s: no host", ErrForbiddenURL, u.Redacted())
	}

	port := 80
	if u.Scheme == "https" {
		port = 443
	}
	if s := u.Port(); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%w: %s: bad port", ErrForbiddenURL, u.Redacted())
		}
		port = n
	}
	if !p.portAllowed(port) && !p.AllowPrivate && len(p.Allow) == 0 {
		return fmt.Errorf("%w: %s: port %d is not allowed (only 80 and 443 unless configured)", ErrForbiddenURL, u.Redacted(), port)
	}
	return nil
}

func (p Policy) opens(a netip.Addr) bool {
	if p.AllowPrivate {
		return true
	}
	for _, r := range p.Allow {
		if r.Contains(a.Unmap()) {
			return true
		}
	}
	return false
}

// Loopback is the policy of tests: loopback open, every other private
// range refused.
var Loopback = Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}}

// checkLiteral refuses a URL whose host is written as a private address
// (or is localhost) before its port is judged, so that
// http://127.0.0.1:8080/ is refused as private, naming the switch. The
// dial decision stays the guard: this only words the refusal.
func (p Policy) checkLiteral(u *url.URL) error {
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if a, err := netip.ParseAddr(host); err == nil && !p.opens(a) {
		return CheckAddr(a)
	}
	if (host == "localhost" || strings.HasSuffix(host, ".localhost")) && !p.opens(netip.MustParseAddr("127.0.0.1")) {
		return &PrivateAddressError{Addr: netip.MustParseAddr("127.0.0.1"), Range: "loopback, as " + host}
	}
	return nil
}

// CheckDial is the decision taken for every connection, on the address
// it is about to dial (after DNS resolution): nil lets it go.
func (p Policy) CheckDial(network, address string) error {
	host, portText, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("dial %s: %w", address, err)
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: not an IP address: %w", address, err)
	}
	if err := CheckAddr(a); err != nil {
		if p.opens(a) {
			return nil // any port of a private network, once opened
		}
		return err
	}
	port, err := strconv.Atoi(portText)
	if err != nil || !p.portAllowed(port) {
		return fmt.Errorf("%w: port %s is not allowed (only 80 and 443 unless configured)", ErrForbiddenURL, portText)
	}
	return nil
}

// control is a net.Dialer Control function applying the policy: it runs
// after resolution and before connect, for each address tried.
func (p Policy) control(network, address string, _ syscall.RawConn) error {
	return p.CheckDial(network, address)
}

// Dialer returns a dialer that connects only where p allows, deciding on
// each resolved address: the fetcher's, and any other client that must
// not be turned against its host (alert webhooks).
func (p Policy) Dialer(timeout time.Duration) *net.Dialer {
	return &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second, Control: p.control}
}
