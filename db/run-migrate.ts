import { migrateDatabase } from './migrate'
import { runScript } from './open-for-script'

void runScript('db:migrate', migrateDatabase, 'owner')
