import { describe, expect, it } from 'vitest';
import { parseHostPort } from './parse-endpoint.js';

describe('parseHostPort', () => {
  it('reads host:port and [ipv6]:port, and says what is wrong otherwise', () => {
    expect(parseHostPort('localhost:5432')).toEqual({ host: 'localhost', port: 5432 });
    expect(parseHostPort('[::1]:80')).toEqual({ host: '::1', port: 80 });
    expect(parseHostPort('localhost')).toMatch(/^expected host:port/);
    expect(parseHostPort('db:70000')).toBe('port 70000 is out of range 1–65535');
    expect(parseHostPort('http://db:80')).toMatch(/^expected host:port/);
  });
});
