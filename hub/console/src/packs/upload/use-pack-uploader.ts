// The pack uploader the page uses: XMLHttpRequest in the browser, a fake in the tests.
import { inject, type InjectionKey } from 'vue';
import { createXhrUploader, type PackUploader } from './upload-pack.ts';

export const packUploaderKey: InjectionKey<PackUploader> = Symbol('pack-uploader');

let browserUploader: PackUploader | null = null;

export function usePackUploader(): PackUploader {
  return inject(packUploaderKey, null) ?? (browserUploader ??= createXhrUploader());
}
