'use server';

/**
 * The monthly bulletin (月度通报): the bureau drafts a month from the official rollup, refreshes the draft's figures,
 * edits its text and publishes it. Each action wraps a function of lib/server/bulletins/bulletin-writes.ts, which
 * checks the version the user read and refuses any change to a published bulletin.
 */
import { defineAction } from '@/lib/actions/safe-action';
import * as writes from '@/lib/server/bulletins/bulletin-writes';
import { ZBulletinMonth, ZBulletinRef, ZUpdateBulletin } from '@/lib/validations/bulletin';

const REVALIDATE = ['/bulletins'];

export const createBulletinDraft = defineAction({
  name: 'bulletin.create',
  permission: 'bulletin.manage',
  input: ZBulletinMonth,
  revalidate: REVALIDATE,
  run: writes.createBulletinDraft,
});

export const regenerateBulletin = defineAction({
  name: 'bulletin.regenerate',
  permission: 'bulletin.manage',
  input: ZBulletinRef,
  revalidate: REVALIDATE,
  run: writes.regenerateBulletin,
});

export const updateBulletin = defineAction({
  name: 'bulletin.update',
  permission: 'bulletin.manage',
  input: ZUpdateBulletin,
  revalidate: REVALIDATE,
  run: writes.updateBulletin,
});

export const publishBulletin = defineAction({
  name: 'bulletin.publish',
  permission: 'bulletin.manage',
  input: ZBulletinRef,
  revalidate: REVALIDATE,
  run: writes.publishBulletin,
});
