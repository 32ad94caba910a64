import { MemoryLoginThrottle } from '../../../../server/auth/memoryLoginThrottle.js';
import { describeThrottleContract } from './loginThrottleContract.js';

describeThrottleContract('in memory', async (limits, now) => ({
  throttle: new MemoryLoginThrottle(limits, now),
  async cleanup() {},
}));
