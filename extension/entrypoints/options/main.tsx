import { browser } from 'wxt/browser';
import { mountPage } from '../../ui/mount-page.tsx';
import { Options } from '../../options/Options.tsx';
import { backgroundClient } from '../../background/background-client.ts';

mountPage(<Options client={backgroundClient(browser.runtime)} />);
