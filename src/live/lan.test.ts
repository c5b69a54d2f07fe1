import { describe, expect, it } from 'vitest';
import { allowedHosts, checkHost, reachableAddress, servedAddresses, urlHost } from './lan.js';

const ifaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }, { address: '::1', family: 'IPv6', internal: true }],
  eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }, { address: 'fe80::1', family: 'IPv6', internal: false }, { address: 'fd00::20', family: 'IPv6', internal: false }],
} as unknown as Parameters<typeof servedAddresses>[1];

describe('LAN mode addresses', () => {
  it('loopback by default: served at 127.0.0.1 and localhost, and that is the URL', () => {
    expect(servedAddresses('127.0.0.1', ifaces)).toEqual(['127.0.0.1', 'localhost']);
    expect(reachableAddress(servedAddresses('127.0.0.1', ifaces))).toBe('127.0.0.1');
  });

  it('a LAN address is served alone, and the URL and QR codes carry it', () => {
    expect(servedAddresses('192.168.1.20', ifaces)).toEqual(['192.168.1.20']);
    expect(servedAddresses('127.0.0.2', ifaces)).toEqual(['127.0.0.2']);
    expect(reachableAddress(['127.0.0.2'])).toBe('127.0.0.2');
  });

  it('0.0.0.0 serves every interface address; the URL uses the one a phone can reach', () => {
    const served = servedAddresses('0.0.0.0', ifaces);
    expect(served).toEqual(['192.168.1.20', '127.0.0.1', 'localhost']);
    expect(reachableAddress(served)).toBe('192.168.1.20');
    expect(servedAddresses('::', ifaces)).toEqual(['192.168.1.20', 'fd00::20', '127.0.0.1', '::1', 'localhost']);
  });

  it('the Host check accepts exactly the served addresses with the port', () => {
    const ok = allowedHosts(['192.168.1.20', 'fd00::20'], 8080, false);
    expect([...ok]).toEqual(['192.168.1.20:8080', '[fd00::20]:8080']);
    expect(ok.has('127.0.0.1:8080')).toBe(false);
    expect([...allowedHosts(['drill.local'], 443, true)]).toEqual(['drill.local:443', 'drill.local']);
    expect(urlHost('fd00::20')).toBe('[fd00::20]');
  });

  it('refuses a host that is neither an address nor a name', () => {
    expect(checkHost('[::1]')).toBe('::1');
    expect(() => checkHost('http://x')).toThrow(RangeError);
    expect(() => checkHost('a b')).toThrow(RangeError);
  });
});
