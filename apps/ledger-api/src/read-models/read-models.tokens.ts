/** The ReadModelStorage (read store + checkpoint store + close) of the app. */
export const READ_MODEL_STORAGE = Symbol('ReadModelStorage');
/** The projections this app serves and (embedded) runs. */
export const PROJECTIONS = Symbol('Projections');
/** The ReadModelsOptions the module was built with. */
export const READ_MODELS_OPTIONS = Symbol('ReadModelsOptions');
